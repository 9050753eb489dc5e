using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Cases;

// Two officers on the same case: the later change, made from a page that is out of date, is not
// applied; the page says that someone else changed the case and shows what it is now.
[Collection(BrowserCollection.Name)]
public sealed class CaseConcurrencyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Second_officer_changing_the_concern_from_a_stale_page_is_told_and_sees_the_new_level()
    {
        var reference = await CaseArrange.NewCaseAsync(browser, "Samma person har ringt tre gånger i dag.");
        await using var first = await browser.OpenAsync();
        await using var second = await browser.OpenAsync();
        await first.SignInAsync(Demo.Officer);
        await second.SignInAsync(Demo.Officer);
        await CaseArrange.OpenFromInboxAsync(first, reference);
        await CaseArrange.OpenFromInboxAsync(second, reference);
        var summary = second.Page.Locator("dl.details").First;
        await Assertions.Expect(summary).Not.ToContainTextAsync("Akut");

        await ChangeConcernAsync(first, "Akut", "Personen står utanför hennes hus.");
        await Assertions.Expect(first.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Orosnivån är ändrad.");

        await ChangeConcernAsync(second, "Låg", "Verkar vara ett missförstånd.");
        var page = second.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Någon annan har ändrat ärendet sedan du öppnade det.");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await Assertions.Expect(summary).ToContainTextAsync("Akut");
        var timeline = page.Locator("ol.timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("Personen står utanför hennes hus.");
        await Assertions.Expect(timeline).Not.ToContainTextAsync("Verkar vara ett missförstånd.");
    }

    private static async Task ChangeConcernAsync(BrowserSession officer, string level, string reason)
    {
        var page = officer.Page;
        await page.GetByLabel("Ny orosnivå").SelectOptionAsync(new SelectOptionValue { Label = level });
        await page.GetByLabel("Motivering", new() { Exact = true }).FillAsync(reason);
        await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ändra orosnivån", Exact = true }));
    }
}
