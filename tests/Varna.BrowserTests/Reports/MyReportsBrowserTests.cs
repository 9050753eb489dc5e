using System.Text.Json;
using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Reports;

// A representative follows up a report from a phone without JavaScript: opens Mina rapporter and
// the report, writes to the security officer, adds information and a screenshot. Every page is scanned by axe.
[Collection(BrowserCollection.Name)]
public sealed class MyReportsBrowserTests(BrowserFixture browser)
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3, 4];

    [Fact]
    public async Task Representative_opens_a_report_and_writes_adds_information_and_evidence_without_javascript()
    {
        await using var session = await browser.OpenAsync(javaScript: false, width: 360, height: 740);
        var page = session.Page;
        await session.SignInAsync(Demo.Representative);
        var reference = await ReportThroughTheApiAsync(session, "Ett hotfullt mejl om mötet i torsdags.");

        await session.FollowAsync(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Mina rapporter" }));
        Assert.Equal("Mina rapporter", await page.HeadingAsync());
        await session.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Rapport {reference}", Exact = true }));
        Assert.Equal($"Rapport {reference}", await page.HeadingAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Ett hotfullt mejl om mötet i torsdags.");

        // An empty message is refused next to the field, and the summary names it.
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Skicka meddelandet" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Meddelande: Fältet måste fyllas i.");

        await page.GetByLabel("Meddelande", new() { Exact = true }).FillAsync("Kan ni ringa mig efter klockan fem?");
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Skicka meddelandet" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ditt meddelande är skickat");
        await Assertions.Expect(page.Locator("ol.thread")).ToContainTextAsync("Kan ni ringa mig efter klockan fem?");

        await page.GetByLabel("Vad vill du lägga till?").FillAsync("Det kom ett mejl till i morse.");
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Lägg till informationen" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Informationen är tillagd");

        await page.GetByLabel("Filer", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "skarmbild.png", MimeType = "image/png", Buffer = Png });
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara bevisningen" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Bevisningen är sparad (1 st)");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "skarmbild.png" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task My_reports_and_a_report_fit_a_360_px_phone_without_sideways_scrolling()
    {
        await using var session = await browser.OpenAsync(width: 360, height: 740);
        var page = session.Page;
        await session.SignInAsync(Demo.Representative);
        var reference = await ReportThroughTheApiAsync(session, string.Concat(Enumerable.Repeat("långtordutanmellanslag", 20)));

        await session.VisitAsync("/mina-rapporter");
        await AssertFitsAsync(page);
        await session.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Rapport {reference}", Exact = true }));
        await AssertFitsAsync(page);
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{page.Url} is {width} px wide on a 360 px screen.");
    }

    // The way a phone app would report: with a personal API key made on the account page.
    internal static async Task<string> ReportThroughTheApiAsync(BrowserSession session, string description)
    {
        var page = session.Page;
        await session.VisitAsync("/konto/api-nycklar");
        await page.GetByLabel("Namn på nyckeln").FillAsync("Mobilen");
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Skapa nyckel" }));
        var secret = (await page.Locator("#new-token").InnerTextAsync()).Trim();

        var response = await session.Http.PostAsync("/api/v1/reports", new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {secret}" },
            DataObject = new
            {
                occurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("o"),
                dangerNow = false,
                channel = "email",
                types = new[] { "threat" },
                description,
                wish = "request_contact",
            },
        });
        Assert.True(response.Status == 201, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("reference").GetString()!;
    }
}
