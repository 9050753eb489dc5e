using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Web;

[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(BrowserFixture browser)
{
    [Fact]
    public async Task Representative_signs_in_switches_language_and_signs_out_without_JavaScript()
    {
        await using var session = await browser.OpenAsync(javaScript: false);
        var page = session.Page;

        await session.SignInAsync(Demo.Representative);
        Assert.StartsWith("Välkommen, ", await page.HeadingAsync());

        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "In English" }));
        Assert.Equal("en", await page.LanguageAsync());
        Assert.StartsWith("Welcome, ", await page.HeadingAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "If something has happened" })).ToBeVisibleAsync();

        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "På svenska" }));
        Assert.Equal("sv", await page.LanguageAsync());
        Assert.StartsWith("Välkommen, ", await page.HeadingAsync());

        await session.FollowAsync(page.MainNavigation().GetByRole(AriaRole.Button, new() { Name = "Logga ut" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Du är utloggad.");
    }
}
