using System.Net.Http.Json;
using System.Text.Json;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// The officer's first view of a case: the report, its evidence and the conversation with the reporter.
public sealed class CaseDetailsTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private async Task<(Guid CaseId, Guid ReportId, string Reference)> ReportAsync(string description)
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var created = await client.SubmitReportAsync(ReportsArrange.ValidReport(description));
        await (await client.PostAsync($"/api/v1/reports/{created.Id()}/evidence", ReportsArrange.Files(("bild.png", ReportsArrange.Png)))).JsonAsync(HttpStatusCode.Created);
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == created.Id()).Select(r => r.CaseId).SingleAsync());
        return (caseId, created.Id(), created.GetProperty("reference").GetString()!);
    }

    [Fact]
    public async Task Officer_finds_the_new_case_in_the_inbox_and_reads_the_report_with_its_evidence()
    {
        var (caseId, _, reference) = await ReportAsync("<b>Hotet</b> kom i brevlådan");
        var officer = await factory.SignedInAsync(Demo.Officer);

        var inbox = await officer.GetPageAsync("/arenden");
        var link = inbox.QuerySelectorAll("a").Single(a => a.TextContent == reference);
        var page = await officer.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal($"/arenden/{caseId}", link.GetAttribute("href"));
        Assert.Contains("<b>Hotet</b> kom i brevlådan", page.QuerySelector(".description")!.TextContent);
        Assert.Null(page.QuerySelector(".description b"));
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ReportsArrange.Png)), page.QuerySelector(".hash")!.TextContent);
        var download = await officer.GetAsync(page.QuerySelector("a.evidence-name")!.GetAttribute("href"));
        Assert.Equal(ReportsArrange.Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Officer_replies_and_the_representative_reads_it_under_my_reports()
    {
        var (caseId, reportId, _) = await ReportAsync("Någon följer efter mig.");
        var officer = await factory.SignedInAsync(Demo.Officer);

        var sent = await officer.SubmitFormAsync($"/arenden/{caseId}",
            new Dictionary<string, string> { ["Reply.Body"] = "Jag ringer dig inom en timme." }, "main form[action*='handler=Reply']");
        var after = await officer.FollowAsync(sent);

        Assert.Contains("Meddelandet är skickat", after.QuerySelector("[role=status]")!.TextContent);
        var representative = await factory.SignedInAsync(Demo.Representative);
        var mine = await representative.GetPageAsync($"/mina-rapporter/{reportId}");
        Assert.Contains("Jag ringer dig inom en timme.", mine.QuerySelector("ol.thread")!.TextContent);
    }

    [Fact]
    public async Task Empty_reply_is_named_and_nothing_is_sent()
    {
        var (caseId, reportId, _) = await ReportAsync("Hot per telefon.");
        var officer = await factory.SignedInAsync(Demo.Officer);

        var response = await officer.SubmitFormAsync($"/arenden/{caseId}",
            new Dictionary<string, string> { ["Reply.Body"] = "  " }, "main form[action*='handler=Reply']");
        var page = await response.ReadPageAsync();

        Assert.NotEmpty(page.FieldErrors("Reply.Body"));
        var api = await factory.ApiClientAsync(Demo.Officer);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{reportId}/messages")).EnumerateArray());
    }

    [Fact]
    public async Task Officer_of_another_organisation_gets_404_for_the_case_and_its_evidence()
    {
        var (caseId, reportId, reference) = await ReportAsync("Isolerad-berättelse");
        var outsider = await factory.SignedInAsync(Demo.RegionOfficer);

        var page = await outsider.GetAsync($"/arenden/{caseId}");
        var evidence = await outsider.GetAsync($"/arenden/{caseId}?handler=Evidence&reportId={reportId}&evidenceId={Guid.NewGuid()}");
        var start = await outsider.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Isolerad", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, evidence.StatusCode);
        Assert.DoesNotContain(reference, start);
    }
}
