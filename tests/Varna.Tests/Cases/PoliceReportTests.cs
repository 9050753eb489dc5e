using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

public sealed class PoliceReportTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private const string PoliceForm = "main form[action*='handler=Police']";

    [Fact]
    public async Task Officer_records_the_police_report_and_later_its_outcome_both_in_the_timeline()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var reportedOn = MeasuresArrange.Today.AddDays(-2).ToString("yyyy-MM-dd");

        var first = await officer.FollowAsync(await officer.SubmitFormAsync($"/arenden/{caseId}", new Dictionary<string, string>
        {
            ["Police.Reported"] = "true",
            ["Police.ReportedBy"] = "officer",
            ["Police.Reference"] = "5000-K123456-26",
            ["Police.ReportedOn"] = reportedOn,
        }, PoliceForm));
        var second = await officer.FollowAsync(await officer.SubmitFormAsync($"/arenden/{caseId}", new Dictionary<string, string>
        {
            ["Police.Outcome"] = "prosecuted",
            ["Police.OutcomeNote"] = "Åklagaren väckte åtal i mars.",
        }, PoliceForm));

        Assert.Contains("5000-K123456-26", first.QuerySelector(".police-summary")!.TextContent);
        Assert.Contains("Inget besked ännu", first.QuerySelector(".police-summary")!.TextContent);
        var summary = second.QuerySelector(".police-summary")!.TextContent;
        Assert.Contains("Åtal väckt", summary);
        Assert.Contains("5000-K123456-26", summary);
        Assert.Contains(reportedOn, summary);
        Assert.Equal("5000-K123456-26", second.QuerySelector("#Police_Reference")!.GetAttribute("value"));
        var api = await factory.ApiClientAsync(Demo.Officer);
        var lines = (await api.CaseAsync(caseId)).Timeline("police_report_recorded").ToList();
        Assert.Equal(["reported", "prosecuted"], lines.Select(l => l.TextOrNull("to")));
        Assert.All(lines, l => Assert.Equal("5000-K123456-26", l.TextOrNull("text")));
    }

    [Fact]
    public async Task Reported_without_saying_by_whom_is_named_on_the_field_and_nothing_is_stored()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await (await officer.SubmitFormAsync($"/arenden/{caseId}",
            new Dictionary<string, string> { ["Police.Reported"] = "true", ["Police.Reference"] = "5000-K1-26" }, PoliceForm)).ReadPageAsync();

        Assert.NotEmpty(page.FieldErrors("Police.ReportedBy"));
        Assert.Contains("Vem gjorde anmälan?", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("5000-K1-26", page.QuerySelector("#Police_Reference")!.GetAttribute("value"));
        var api = await factory.ApiClientAsync(Demo.Officer);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await api.CaseAsync(caseId)).GetProperty("policeReport").ValueKind);
    }

    [Fact]
    public async Task Api_records_the_police_report_and_a_stale_case_version_is_409_keeping_the_first()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        var version = (await api.CaseAsync(caseId)).GetProperty("version").GetInt32();

        var recorded = await (await api.PostJsonAsync($"/api/v1/cases/{caseId}/police-report", new JsonObject
        {
            ["reported"] = true, ["reportedBy"] = "representative", ["reference"] = "5000-K9-26", ["version"] = version,
        })).JsonAsync(HttpStatusCode.OK);
        var stale = await api.PostJsonAsync($"/api/v1/cases/{caseId}/police-report", new JsonObject
        {
            ["reported"] = false, ["version"] = version,
        });

        Assert.Equal(("representative", "5000-K9-26"), (recorded.TextOrNull("reportedBy"), recorded.TextOrNull("reference")));
        await stale.JsonAsync(HttpStatusCode.Conflict);
        var police = (await api.CaseAsync(caseId)).GetProperty("policeReport");
        Assert.True(police.GetProperty("reported").GetBoolean());
        Assert.Equal("5000-K9-26", police.TextOrNull("reference"));
    }

    [Fact]
    public async Task Unknown_outcome_is_400_listing_the_codes_and_details_without_a_report_are_refused()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);

        var unknown = await (await api.PostJsonAsync($"/api/v1/cases/{caseId}/police-report", new JsonObject
        {
            ["reported"] = true, ["reportedBy"] = "officer", ["outcome"] = "acquitted",
        })).JsonAsync(HttpStatusCode.BadRequest);
        var contradictory = await (await api.PostJsonAsync($"/api/v1/cases/{caseId}/police-report", new JsonObject
        {
            ["reported"] = false, ["reference"] = "5000-K1-26",
        })).JsonAsync(HttpStatusCode.BadRequest);
        var missing = await (await api.PostJsonAsync($"/api/v1/cases/{caseId}/police-report", new JsonObject())).JsonAsync(HttpStatusCode.BadRequest);

        var message = Assert.Single(unknown.ProblemErrors("outcome"));
        Assert.Contains("under_investigation", message);
        Assert.Contains("convicted", message);
        Assert.NotEmpty(contradictory.ProblemErrors("reported"));
        Assert.NotEmpty(missing.ProblemErrors("reported"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await api.CaseAsync(caseId)).GetProperty("policeReport").ValueKind);
    }

    [Fact]
    public async Task Page_says_someone_else_changed_the_case_and_shows_the_police_report_as_it_now_is()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await officer.GetPageAsync($"/arenden/{caseId}")).QuerySelector(PoliceForm)!;
        var api = await factory.ApiClientAsync(Demo.Officer);
        await (await api.PostJsonAsync($"/api/v1/cases/{caseId}/police-report", new JsonObject
        {
            ["reported"] = true, ["reportedBy"] = "representative", ["reference"] = "5000-K777-26",
        })).JsonAsync(HttpStatusCode.OK);

        var response = await officer.PostFormAsync(form, $"/arenden/{caseId}", new Dictionary<string, string> { ["Police.Reported"] = "false" });
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Någon annan har ändrat ärendet", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("5000-K777-26", page.QuerySelector(".police-summary")!.TextContent);
        Assert.NotNull(page.QuerySelector("#Police_Reported_yes[checked]"));
        Assert.True((await api.CaseAsync(caseId)).GetProperty("policeReport").GetProperty("reported").GetBoolean());
    }
}
