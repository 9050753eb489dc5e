using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Reports;

// The other half of the conversation: the security officer goes from the start page to the inbox,
// finds the new case, reads it and answers the representative. Every page is scanned by axe.
[Collection(BrowserCollection.Name)]
public sealed class CaseBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_opens_the_new_case_from_the_inbox_and_answers_the_representative()
    {
        string reference;
        await using (var representative = await browser.OpenAsync(javaScript: false))
        {
            await representative.SignInAsync(Demo.Representative);
            reference = await MyReportsBrowserTests.ReportThroughTheApiAsync(representative, "Någon har skrivit på min husvägg.");
        }

        await using var session = await browser.OpenAsync(javaScript: false);
        var page = session.Page;
        await session.SignInAsync(Demo.Officer);
        // The start page shows counts and leads to the inbox, where the case is listed.
        await session.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Alla öppna ärenden" }));
        Assert.Equal("Ärenden", await page.HeadingAsync());
        await session.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }));

        Assert.Equal($"Ärende {reference}", await page.HeadingAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Någon har skrivit på min husvägg.");
        await page.GetByLabel("Skriv till den som rapporterade").FillAsync("Jag kommer förbi i eftermiddag och tittar.");
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Skicka meddelandet" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Meddelandet är skickat.");
        await Assertions.Expect(page.Locator("ol.thread")).ToContainTextAsync("Jag kommer förbi i eftermiddag och tittar.");
    }
}
