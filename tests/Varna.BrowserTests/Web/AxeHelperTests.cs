using Varna.BrowserTests.Infrastructure;

namespace Varna.BrowserTests.Web;

// The scan must be able to fail, or every green page test above would mean nothing.
[Collection(BrowserCollection.Name)]
public sealed class AxeHelperTests(BrowserFixture browser)
{
    [Fact]
    public async Task Scan_fails_with_rule_impact_help_and_selector_for_an_inaccessible_page()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.SetContentAsync(
            "<!DOCTYPE html><html lang=\"sv\"><head><title>Test</title></head><body><main><h1>Test</h1>" +
            "<img id=\"utan-text\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Axe.AssertNoViolationsAsync(session.Page));

        Assert.Contains("image-alt [critical]", failure.Message);
        Assert.Contains("Images must have alternative text", failure.Message);
        Assert.Contains("#utan-text", failure.Message);
    }
}
