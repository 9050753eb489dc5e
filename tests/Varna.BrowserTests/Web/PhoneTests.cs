using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Web;

// Representatives report from their phones: nothing may need sideways scrolling at 360 px.
[Collection(BrowserCollection.Name)]
public sealed class PhoneTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(Demo.Admin)]
    [InlineData(Demo.Representative)]
    public async Task Start_page_fits_a_360_px_phone_without_sideways_scrolling(string account)
    {
        await using var session = await browser.OpenAsync(width: 360, height: 740);
        var page = session.Page;

        await session.SignInAsync(account);

        Assert.StartsWith("Välkommen, ", await page.HeadingAsync());
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The start page is {width} px wide on a 360 px screen.");
    }
}
