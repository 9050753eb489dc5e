using System.Security.Cryptography;
using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.BrowserTests.Reports;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Cases;

// What the case tests start from: a new case, reported by the demo representative the way a phone
// app would (with a personal API key), optionally with a screenshot as evidence.
internal static class CaseArrange
{
    public static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 7, 7, 7, 7];

    // SHA-256 as the case page and the police package show it.
    public static string PngSha256 => Convert.ToHexStringLower(SHA256.HashData(Png));

    public static async Task<string> NewCaseAsync(BrowserFixture browser, string description, bool withEvidence = false)
    {
        await using var representative = await browser.OpenAsync();
        await representative.SignInAsync(Demo.Representative);
        var reference = await MyReportsBrowserTests.ReportThroughTheApiAsync(representative, description);
        if (withEvidence) await AddScreenshotAsync(representative, reference);
        return reference;
    }

    private static async Task AddScreenshotAsync(BrowserSession session, string reference)
    {
        var page = session.Page;
        await session.VisitAsync("/mina-rapporter");
        await session.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Rapport {reference}", Exact = true }));
        await page.GetByLabel("Filer", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "skarmbild.png", MimeType = "image/png", Buffer = Png });
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara bevisningen", Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Bevisningen är sparad (1 st)");
    }

    // The officer's way in: the inbox, then the case's row.
    public static async Task OpenFromInboxAsync(BrowserSession officer, string reference)
    {
        await officer.VisitAsync("/arenden");
        await officer.FollowAsync(officer.Page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }));
    }

    public static string CaseId(IPage page) => new Uri(page.Url).AbsolutePath.Split('/')[2];
}
