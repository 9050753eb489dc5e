using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Cases;

// The officer's pages in English: the inbox, a case, the assessment form and the to-do list, each
// scanned by axe, with a follow-up due today so the to-do list has a row to show.
[Collection(BrowserCollection.Name)]
public sealed class CaseEnglishBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_pages_work_in_English()
    {
        var reference = await CaseArrange.NewCaseAsync(browser, "Someone followed me home after the council meeting.");
        await using var officer = await browser.OpenAsync();
        var page = officer.Page;
        await officer.SignInAsync(Demo.Officer);
        await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "In English", Exact = true }));

        await officer.VisitAsync("/arenden");
        Assert.Equal("en", await page.LanguageAsync());
        Assert.Equal("Cases", await page.HeadingAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "First contact" })).ToBeVisibleAsync();
        await officer.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }));
        Assert.Equal($"Case {reference}", await page.HeadingAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Take the case", Exact = true })).ToBeVisibleAsync();

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime);
        await page.GetByLabel("Remind on").FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("What should be followed up? (optional)").FillAsync("Call back about the walk home.");
        await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add reminder", Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The follow-up reminder has been saved.");

        await officer.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Make a new assessment" }));
        Assert.Equal($"New threat assessment, case {reference}", await page.HeadingAsync());
        await page.GetByRole(AriaRole.Group, new() { Name = "Approach" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show suggestion", Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Suggestion from the factors:");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Approach" }).GetByLabel("Yes", new() { Exact = true })).ToBeCheckedAsync();

        await officer.VisitAsync("/arenden/att-gora");
        Assert.Equal("To do", await page.HeadingAsync());
        var due = page.GetByRole(AriaRole.Table, new() { Name = "Due today or earlier, oldest first" });
        await Assertions.Expect(due.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToContainTextAsync("Call back about the walk home.");
    }
}
