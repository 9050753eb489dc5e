using System.Net.Http.Json;
using System.Text.Json;

namespace Varna.Tests.Reports;

// A report and its evidence exist only for its reporter and their organisation's officers.
// Everyone else gets 404 and learns nothing, whatever they try.
public sealed class ReportIsolationTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private async Task<(Guid Report, Guid Evidence)> DemoReportWithEvidenceAsync()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var report = await client.SubmitReportAsync(ReportsArrange.ValidReport("Isoleringstest-hemlig-text"));
        var files = await (await client.PostAsync($"/api/v1/reports/{report.Id()}/evidence",
            ReportsArrange.Files(("bevis.png", ReportsArrange.Png)))).JsonAsync(HttpStatusCode.Created);
        return (report.Id(), files[0].Id());
    }

    public static TheoryData<string> Outsiders => [Demo.RegionRepresentative, Demo.RegionOfficer];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Another_organisation_gets_404_for_report_evidence_and_messages(string outsider)
    {
        var (reportId, evidenceId) = await DemoReportWithEvidenceAsync();
        var client = await factory.ApiClientAsync(outsider);

        foreach (var url in new[] { $"/api/v1/reports/{reportId}", $"/api/v1/reports/{reportId}/evidence/{evidenceId}", $"/api/v1/reports/{reportId}/messages" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Isoleringstest", await response.Content.ReadAsStringAsync());
        }
        var mine = await client.GetStringAsync("/api/v1/reports/mine");
        Assert.DoesNotContain(reportId.ToString(), mine);
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Another_organisation_cannot_add_anything_to_a_report(string outsider)
    {
        var (reportId, _) = await DemoReportWithEvidenceAsync();
        var client = await factory.ApiClientAsync(outsider);

        var message = await client.PostAsJsonAsync($"/api/v1/reports/{reportId}/messages", new { body = "Hej" });
        var supplement = await client.PostAsJsonAsync($"/api/v1/reports/{reportId}/supplements", new { text = "Mer" });
        var links = await client.PostAsJsonAsync($"/api/v1/reports/{reportId}/links", new { links = new[] { "https://example.se" } });
        var files = await client.PostAsync($"/api/v1/reports/{reportId}/evidence", ReportsArrange.Files(("x.png", ReportsArrange.Png)));

        Assert.All(new[] { message, supplement, links, files }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var owner = await factory.ApiClientAsync(Demo.Representative);
        var stored = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{reportId}");
        Assert.Single(stored.GetProperty("evidence").EnumerateArray());
        Assert.Empty(stored.GetProperty("supplements").EnumerateArray());
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{reportId}/messages")).EnumerateArray());
    }

    [Fact]
    public async Task Evidence_of_one_report_cannot_be_fetched_through_another_report()
    {
        var (_, evidenceId) = await DemoReportWithEvidenceAsync();
        var outsider = await factory.ApiClientAsync(Demo.RegionRepresentative);
        var ownReport = await outsider.SubmitReportAsync();

        var response = await outsider.GetAsync($"/api/v1/reports/{ownReport.Id()}/evidence/{evidenceId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Officer_of_the_same_organisation_reads_the_report_and_answers_the_reporter()
    {
        var (reportId, _) = await DemoReportWithEvidenceAsync();
        var officer = await factory.ApiClientAsync(Demo.Officer);
        await factory.DeliverNotificationsAsync();
        var before = factory.SentMessages().Length;

        var report = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{reportId}");
        var sent = await (await officer.PostAsJsonAsync($"/api/v1/reports/{reportId}/messages", new { body = "Jag ringer dig i eftermiddag." }))
            .JsonAsync(HttpStatusCode.Created);
        await factory.DeliverNotificationsAsync();

        Assert.Equal("Isoleringstest-hemlig-text", report.GetProperty("description").GetString());
        Assert.False(sent.GetProperty("fromReporter").GetBoolean());
        var mail = Assert.Single(factory.SentMessages().Skip(before), m => m.To.Mailboxes.Any(a => a.Address == Demo.Representative));
        Assert.Contains($"http://localhost/mina-rapporter/{reportId}", mail.TextBody);
        Assert.DoesNotContain("eftermiddag", mail.TextBody);
        var thread = await (await factory.ApiClientAsync(Demo.Representative)).GetFromJsonAsync<JsonElement>($"/api/v1/reports/{reportId}/messages");
        Assert.Equal("Jag ringer dig i eftermiddag.", Assert.Single(thread.EnumerateArray()).GetProperty("body").GetString());
    }
}
