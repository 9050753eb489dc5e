using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Reports;

// The flow the whole product rests on: a representative, on a phone, without JavaScript, tells
// someone what happened and gets a receipt. Every page on the way is scanned by axe.
[Collection(BrowserCollection.Name)]
public sealed class ReportFormBrowserTests(BrowserFixture browser)
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    [Fact]
    public async Task Representative_reports_from_a_360_px_phone_without_JavaScript_and_gets_the_receipt()
    {
        await using var session = await browser.OpenAsync(javaScript: false, width: 360, height: 740);
        var page = session.Page;
        await session.SignInAsync(Demo.Representative);

        await session.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Rapportera en händelse" }));
        Assert.Equal("Rapportera en händelse", await page.HeadingAsync());
        await AssertFitsAsync(page, 360);

        // "Ja" brings up the 112 call-out by CSS alone; "Nej" puts it away.
        var call112 = page.GetByRole(AriaRole.Link, new() { Name = "Ring 112" });
        await Assertions.Expect(call112).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Är du i fara just nu?" }).GetByLabel("Ja").CheckAsync();
        await Assertions.Expect(call112).ToBeVisibleAsync();
        await Assertions.Expect(call112).ToHaveAttributeAsync("href", "tel:112");
        await page.GetByRole(AriaRole.Group, new() { Name = "Är du i fara just nu?" }).GetByLabel("Nej").CheckAsync();
        await Assertions.Expect(call112).ToBeHiddenAsync();

        await page.GetByLabel("Berätta vad som hände").FillAsync("Ett konto skrev att de vet var jag bor och att jag ska akta mig.");
        await page.GetByLabel("Sociala medier, privat meddelande").CheckAsync();
        await page.GetByLabel("Jag vill bli kontaktad").CheckAsync();
        // Forgetting the type: the summary names it, and what was typed stays.
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Skicka rapporten" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Välj minst ett alternativ som beskriver vad som hände.");
        await Assertions.Expect(page.GetByLabel("Berätta vad som hände")).ToHaveValueAsync("Ett konto skrev att de vet var jag bor och att jag ska akta mig.");
        await AssertFitsAsync(page, 360);

        await page.GetByLabel("Hot, till exempel om våld").CheckAsync();
        await page.GetByLabel("Kontonamn, e-postadresser eller nummer som användes").FillAsync("@granne_som_vet");
        await page.GetByLabel("Filer").SetInputFilesAsync(new FilePayload { Name = "skärmbild.png", MimeType = "image/png", Buffer = Png });
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Skicka rapporten" }));

        Assert.Equal("Tack, din rapport har kommit fram", await page.HeadingAsync());
        Assert.Matches(new Regex(@"^DEMO-\d{4}-\d{4}$"), await page.Locator(".reference").InnerTextAsync());
        await Assertions.Expect(page.GetByText(new Regex("^En säkerhetsansvarig kontaktar dig senast \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\.$"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Råd till dig" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".evidence-name")).ToHaveTextAsync("skärmbild.png");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mina rapporter" }).Last).ToHaveAttributeAsync("href", "/mina-rapporter");
        await AssertFitsAsync(page, 360);
    }

    [Fact]
    public async Task Report_form_works_in_English()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(Demo.Representative);
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "In English" }));

        await session.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Report an incident" }));
        Assert.Equal("en", await page.LanguageAsync());
        Assert.Equal("Report an incident", await page.HeadingAsync());
        await page.GetByRole(AriaRole.Group, new() { Name = "Are you in danger right now?" }).GetByLabel("Yes").CheckAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Call 112" })).ToBeVisibleAsync();

        await page.GetByLabel("Tell us what happened").FillAsync("Someone shouted threats at me outside the town hall.");
        await page.GetByLabel("Face to face, in a public place").CheckAsync();
        await page.GetByLabel("A threat, for example of violence").CheckAsync();
        await page.GetByLabel("I only want it registered").CheckAsync();
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }));

        Assert.Equal("Thank you, your report has arrived", await page.HeadingAsync());
        // Danger now: 112 comes first on the receipt, before the heading.
        var first = page.Locator("main > :first-child");
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new() { Name = "Call 112" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex("^The report is recorded and no one will contact you"))).ToBeVisibleAsync();
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth} px wide on a {width} px screen.");
    }
}
