using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// For anyone but the security officers of its own organisation a case does not exist: every case
// page and every case endpoint answers 404, and nothing about the case changes.
public sealed class CaseIsolationTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    public static readonly TheoryData<string> Outsiders = new() { Demo.Representative, Demo.Analyst, Demo.Admin, Demo.Dpo, Demo.RegionOfficer };

    private sealed record Arranged(Guid CaseId, Guid ReportId, Guid MeasureId, int Version);

    private async Task<Arranged> ArrangeAsync()
    {
        var reporter = await factory.ApiClientAsync(Demo.Representative);
        var report = await reporter.SubmitReportAsync(ReportsArrange.ValidReport("Ärendet som bara handläggarna ser"));
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == report.Id()).Select(r => r.CaseId).SingleAsync());
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var measure = await (await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/measures",
            new { code = "support_talk", owner = "Företagshälsovården", status = "planned" })).JsonAsync(HttpStatusCode.Created);
        var assessment = await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments",
            new { answers = Array.Empty<object>(), level = "moderate", rationale = "Första bedömningen" });
        Assert.Equal(HttpStatusCode.Created, assessment.StatusCode);
        var version = (await officer.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!["version"]!.GetValue<int>();
        return new Arranged(caseId, report.Id(), measure.GetProperty("id").GetGuid(), version);
    }

    private static IEnumerable<(HttpMethod Method, string Url, object? Body)> CaseApi(Arranged a) =>
    [
        (HttpMethod.Get, $"/api/v1/cases/{a.CaseId}", null),
        (HttpMethod.Get, $"/api/v1/cases/{a.CaseId}/police-package", null),
        (HttpMethod.Get, $"/api/v1/cases/{a.CaseId}/messages", null),
        (HttpMethod.Get, $"/api/v1/cases/{a.CaseId}/assessments", null),
        (HttpMethod.Post, $"/api/v1/cases/{a.CaseId}/assign", new { officerId = (Guid?)null, version = a.Version }),
        (HttpMethod.Post, $"/api/v1/cases/{a.CaseId}/contact", new { method = "phone", version = a.Version }),
        (HttpMethod.Post, $"/api/v1/cases/{a.CaseId}/concern", new { level = "acute", reason = "x", version = a.Version }),
        (HttpMethod.Post, $"/api/v1/cases/{a.CaseId}/status", new { status = "measures", version = a.Version }),
        (HttpMethod.Post, $"/api/v1/cases/{a.CaseId}/assessments", new { answers = Array.Empty<object>(), level = "low", rationale = "x", version = a.Version }),
        (HttpMethod.Post, $"/api/v1/cases/{a.CaseId}/measures", new { code = "alarm", owner = "x", status = "planned" }),
        (new HttpMethod("PATCH"), $"/api/v1/cases/{a.CaseId}/measures/{a.MeasureId}", new { status = "done", version = 0 }),
        (HttpMethod.Post, $"/api/v1/cases/{a.CaseId}/notes", new { text = "x" }),
        (HttpMethod.Post, $"/api/v1/cases/{a.CaseId}/messages", new { reportId = a.ReportId, body = "x" }),
        (HttpMethod.Post, $"/api/v1/cases/{a.CaseId}/links", new { caseId = a.CaseId, reason = "campaign" }),
        (HttpMethod.Post, $"/api/v1/cases/{a.CaseId}/police-report", new { reported = false, version = a.Version }),
        (HttpMethod.Post, $"/api/v1/cases/{a.CaseId}/follow-ups", new { dueOn = "2030-01-01" }),
    ];

    private static IEnumerable<string> CasePages(Arranged a) =>
    [
        $"/arenden/{a.CaseId}",
        $"/arenden/{a.CaseId}/bedomning",
        $"/arenden/{a.CaseId}/bedomning/1",
        $"/arenden/{a.CaseId}/atgarder/{a.MeasureId}",
        $"/arenden/{a.CaseId}/polisanmalan",
        $"/arenden/{a.CaseId}/polisanmalan.docx",
    ];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Every_case_endpoint_answers_404_to_an_outsider_and_changes_nothing(string outsider)
    {
        var arranged = await ArrangeAsync();
        var client = await factory.ApiClientAsync(outsider);

        foreach (var (method, url, body) in CaseApi(arranged))
        {
            var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} as {outsider}: {response.StatusCode}");
            Assert.DoesNotContain("Ärendet som bara", await response.Content.ReadAsStringAsync());
        }

        var officer = await factory.ApiClientAsync(Demo.Officer);
        var after = (await officer.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{arranged.CaseId}"))!;
        Assert.Equal(arranged.Version, after["version"]!.GetValue<int>());
        Assert.Single(after["measures"]!.AsArray());
        Assert.DoesNotContain(after["timeline"]!.AsArray(), line => line!["kind"]!.GetValue<string>() == "note_added");
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Every_case_page_answers_404_to_an_outsider(string outsider)
    {
        var arranged = await ArrangeAsync();
        var client = await factory.SignedInAsync(outsider);

        foreach (var url in CasePages(arranged))
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} as {outsider}: {response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task A_form_post_to_a_case_with_a_valid_antiforgery_token_answers_404_to_an_outsider(string outsider)
    {
        var arranged = await ArrangeAsync();
        var client = await factory.SignedInAsync(outsider);
        // A token from a page the outsider may see; antiforgery tokens are per user, not per form.
        var token = (await client.GetPageAsync("/konto")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync($"/arenden/{arranged.CaseId}?handler=Assign", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Assignment.OfficerId"] = "", ["Version"] = arranged.Version.ToString() }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Lists_and_to_dos_are_404_for_representatives_and_analysts_and_never_show_another_organisations_cases()
    {
        var arranged = await ArrangeAsync();
        foreach (var outsider in new[] { Demo.Representative, Demo.Analyst })
        {
            var api = await factory.ApiClientAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/cases")).StatusCode);
            var pages = await factory.SignedInAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync("/arenden")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync("/arenden/att-gora")).StatusCode);
        }

        var regionApi = await factory.ApiClientAsync(Demo.RegionOfficer);
        Assert.DoesNotContain(arranged.CaseId.ToString(), await regionApi.GetStringAsync("/api/v1/cases"));
        var regionPages = await factory.SignedInAsync(Demo.RegionOfficer);
        Assert.DoesNotContain(arranged.CaseId.ToString(), await regionPages.GetStringAsync("/arenden"));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_the_api_answers_401()
    {
        var arranged = await ArrangeAsync();
        var anonymous = factory.CreatePageClient();

        var page = await anonymous.GetAsync($"/arenden/{arranged.CaseId}");
        var api = await anonymous.GetAsync($"/api/v1/cases/{arranged.CaseId}");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/konto/logga-in", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
