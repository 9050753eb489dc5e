using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// A long case costs no more round trips than a fresh one: the case page and GET /api/v1/cases/{id}
// issue the same number of SQL statements whatever the number of files, messages, measures,
// assessments and timeline lines.
public sealed class CaseQueryCountTests(InboxQueryCountTests.CountingFactory factory) : IClassFixture<InboxQueryCountTests.CountingFactory>
{
    [Fact]
    public async Task Case_page_and_api_issue_as_many_queries_for_a_long_case_as_for_a_fresh_one()
    {
        var reporter = await factory.ApiClientAsync(Demo.Representative);
        var report = await reporter.SubmitReportAsync(ReportsArrange.ValidReport("Det första som hände"));
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == report.Id()).Select(r => r.CaseId).SingleAsync());
        var officerPages = await factory.SignedInAsync(Demo.Officer);
        var officer = await factory.ApiClientAsync(Demo.Officer);
        // Warm-up: the first request of a client also signs it in (the token's principal is then cached).
        await officerPages.GetPageAsync($"/arenden/{caseId}");
        await officer.GetAsync($"/api/v1/cases/{caseId}");

        var freshPage = await factory.CountQueriesAsync(officerPages, $"/arenden/{caseId}");
        var freshApi = await factory.CountQueriesAsync(officer, $"/api/v1/cases/{caseId}");

        await (await reporter.PostAsync($"/api/v1/reports/{report.Id()}/evidence",
            ReportsArrange.Files(("a.png", ReportsArrange.Png), ("b.pdf", ReportsArrange.Pdf), ("c.png", ReportsArrange.Png)))).JsonAsync(HttpStatusCode.Created);
        for (var i = 0; i < 4; i++)
        {
            await (await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = $"Anteckning {i}" })).JsonAsync(HttpStatusCode.Created);
            await (await reporter.PostAsJsonAsync($"/api/v1/reports/{report.Id()}/messages", new { body = $"Meddelande {i}" })).JsonAsync(HttpStatusCode.Created);
            await (await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/measures", new { code = "support_talk", owner = "Företagshälsovården", status = "planned" }))
                .JsonAsync(HttpStatusCode.Created);
        }
        for (var i = 0; i < 2; i++)
        {
            var version = (await officer.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!["version"]!.GetValue<int>();
            await (await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments",
                new { answers = new[] { new { factor = "fixation", answer = "yes" } }, level = i == 0 ? "moderate" : "high", rationale = "Bedömt", version }))
                .JsonAsync(HttpStatusCode.Created);
        }

        var longPage = await factory.CountQueriesAsync(officerPages, $"/arenden/{caseId}");
        var longApi = await factory.CountQueriesAsync(officer, $"/api/v1/cases/{caseId}");
        var sheet = (await officer.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!;

        Assert.True(sheet["timeline"]!.AsArray().Count > 15);
        Assert.Equal(3, sheet["reports"]![0]!["report"]!["evidence"]!.AsArray().Count);
        Assert.Equal(freshPage, longPage);
        Assert.Equal(freshApi, longApi);
    }
}
