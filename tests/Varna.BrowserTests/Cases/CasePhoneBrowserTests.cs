using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Cases;

// The officer's pages on a 375 px phone: wide tables scroll inside their own box (which a keyboard
// can reach), and nothing else makes the page scroll sideways. Every page is scanned by axe at
// this width, where scroll boxes actually scroll.
[Collection(BrowserCollection.Name)]
public sealed class CasePhoneBrowserTests(BrowserFixture browser)
{
    private const int Width = 375;

    [Fact]
    public async Task Inbox_case_page_assessment_form_and_police_package_fit_a_375_px_phone()
    {
        var reference = await CaseArrange.NewCaseAsync(browser, "Hotfulla kommentarer under varje inlägg i en vecka.", withEvidence: true);
        await using var officer = await browser.OpenAsync(width: Width, height: 800);
        var page = officer.Page;
        await officer.SignInAsync(Demo.Officer);

        await CaseArrange.OpenFromInboxAsync(officer, reference);
        var id = CaseArrange.CaseId(page);
        // A measure and a follow-up put tables with visually hidden texts on the page.
        var measure = page.GetByRole(AriaRole.Form, new() { Name = "Lägg till en åtgärd" });
        await measure.GetByLabel("Åtgärd", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Genomgång av sociala medier" });
        await measure.GetByLabel("Ansvarig (person eller organisation)").FillAsync("Kommunikationsavdelningen");
        await officer.FollowAsync(measure.GetByRole(AriaRole.Button, new() { Name = "Lägg till åtgärden", Exact = true }));
        await page.GetByLabel("Påminn mig den").FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
        await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Lägg till påminnelse", Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Påminnelsen om uppföljning är sparad.");
        await AssertFitsAsync(page);

        await officer.VisitAsync("/arenden");
        await AssertFitsAsync(page);
        await officer.VisitAsync($"/arenden/{id}/bedomning");
        await AssertFitsAsync(page);
        await officer.VisitAsync($"/arenden/{id}/polisanmalan");
        await AssertFitsAsync(page);
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= Width, $"{page.Url} is {width} px wide on a {Width} px screen.");
    }
}
