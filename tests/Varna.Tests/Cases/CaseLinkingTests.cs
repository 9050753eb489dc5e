using System.Net.Http.Json;
using System.Text.Json;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Linking related cases (seen from both sides) and merging a case into another.
public sealed class CaseLinkingTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private static readonly string LinkForm = "main form[action*='handler=Link']";
    private static readonly string MergeForm = "main form[action*='handler=Merge']";

    [Fact]
    public async Task Linking_by_reference_shows_on_both_cases_and_in_both_timelines()
    {
        var first = await factory.ReportedCaseAsync("Samma avsändare som förra veckan.");
        var second = await factory.ReportedCaseAsync("Nytt mejl från samma avsändare.");
        var officer = await factory.SignedInAsync(Demo.Officer);

        var sent = await officer.SubmitFormAsync($"/arenden/{second.CaseId}", new Dictionary<string, string>
        {
            ["Link.Reference"] = first.Reference.ToLowerInvariant(),
            ["Link.Reason"] = "same_perpetrator",
            ["Link.Note"] = "Samma Gmail-adress.",
        }, LinkForm);
        var secondPage = await officer.FollowAsync(sent);
        var firstPage = await officer.GetPageAsync($"/arenden/{first.CaseId}");

        Assert.Contains("Ärendena är kopplade", secondPage.Text("[role=status]"));
        var row = secondPage.QuerySelector("table.linked-cases tbody tr")!;
        Assert.Equal($"/arenden/{first.CaseId}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Samma gärningsperson", row.TextContent);
        Assert.Contains("Ny", row.TextContent);
        Assert.Equal($"/arenden/{second.CaseId}", firstPage.QuerySelector("table.linked-cases tbody a")!.GetAttribute("href"));
        Assert.Contains($"Ärendet kopplades till {second.Reference} (skäl: Samma gärningsperson).", firstPage.Text("ol.timeline"));
        Assert.Contains($"Ärendet kopplades till {first.Reference} (skäl: Samma gärningsperson).", secondPage.Text("ol.timeline"));
        Assert.Contains("Samma Gmail-adress.", firstPage.Text("ol.timeline"));
    }

    [Fact]
    public async Task The_same_link_twice_in_either_direction_is_refused_with_a_clear_error()
    {
        var a = await factory.ReportedCaseAsync("Kampanj del ett.");
        var b = await factory.ReportedCaseAsync("Kampanj del två.");
        var officer = await factory.ApiClientAsync(Demo.Officer);

        var linked = await (await officer.PostJsonAsync($"/api/v1/cases/{a.CaseId}/links", new { reference = b.Reference, reason = "campaign" }))
            .JsonAsync(HttpStatusCode.OK);
        var again = await (await officer.PostJsonAsync($"/api/v1/cases/{b.CaseId}/links", new { caseId = a.CaseId, reason = "other" }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(b.Reference, Assert.Single(linked.GetProperty("links").EnumerateArray()).GetProperty("case").GetProperty("reference").GetString());
        Assert.Contains(a.Reference, Assert.Single(again.ProblemErrors("caseId")));
        Assert.Single((await officer.CaseAsync(b.CaseId)).GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task Another_organisations_case_reference_reads_exactly_like_an_unknown_one()
    {
        var own = await factory.ReportedCaseAsync("Vårt eget ärende.");
        var foreign = await factory.ReportedCaseAsync("Regionens ärende.", Demo.RegionRepresentative);
        var officer = await factory.ApiClientAsync(Demo.Officer);

        var toForeign = await (await officer.PostJsonAsync($"/api/v1/cases/{own.CaseId}/links", new { reference = foreign.Reference, reason = "campaign" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var toForeignById = await (await officer.PostJsonAsync($"/api/v1/cases/{own.CaseId}/links", new { caseId = foreign.CaseId, merge = true }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var toNothing = await (await officer.PostJsonAsync($"/api/v1/cases/{own.CaseId}/links", new { reference = "DEMO-2026-9999", reason = "campaign" }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            Assert.Single(toNothing.ProblemErrors("reference")).Replace("DEMO-2026-9999", "X"),
            Assert.Single(toForeign.ProblemErrors("reference")).Replace(foreign.Reference, "X"));
        Assert.NotEmpty(toForeignById.ProblemErrors("caseId"));
        var regionOfficer = await factory.ApiClientAsync(Demo.RegionOfficer);
        var foreignSheet = await regionOfficer.CaseAsync(foreign.CaseId);
        Assert.Equal("new", foreignSheet.GetProperty("status").GetString());
        Assert.Empty(foreignSheet.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task Missing_or_unknown_reason_is_named_with_the_allowed_codes()
    {
        var a = await factory.ReportedCaseAsync("Ärende A.");
        var b = await factory.ReportedCaseAsync("Ärende B.");
        var officer = await factory.ApiClientAsync(Demo.Officer);

        var unknown = await (await officer.PostJsonAsync($"/api/v1/cases/{a.CaseId}/links", new { reference = b.Reference, reason = "same_person" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var signedIn = await factory.SignedInAsync(Demo.Officer);
        var missing = await signedIn.SubmitFormAsync($"/arenden/{a.CaseId}", new Dictionary<string, string> { ["Link.Reference"] = b.Reference }, LinkForm);
        var page = await missing.ReadPageAsync();

        Assert.Contains("same_perpetrator, campaign, other", Assert.Single(unknown.ProblemErrors("reason")));
        Assert.Contains("Välj varför ärendena hör ihop", Assert.Single(page.FieldErrors("Link.Reason")));
        Assert.Equal(b.Reference, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Link_Reference")!).Value);
        Assert.Empty((await officer.CaseAsync(a.CaseId)).GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task Merging_on_the_page_moves_the_report_and_closes_this_case_as_merged_with_a_pointer()
    {
        var target = await factory.ReportedCaseAsync("Hot mot mig på kommunfullmäktige.");
        var source = await factory.ReportedCaseAsync("Samma händelse, rapporterad igen.");
        var officer = await factory.SignedInAsync(Demo.Officer);

        var sent = await officer.SubmitFormAsync($"/arenden/{source.CaseId}", new Dictionary<string, string>
        {
            ["Merge.Reference"] = target.Reference,
            ["Merge.Confirmed"] = "true",
        }, MergeForm);
        var targetPage = await officer.FollowAsync(sent);
        var sourcePage = await officer.GetPageAsync($"/arenden/{source.CaseId}");

        Assert.Equal($"/arenden/{target.CaseId}", sent.Headers.Location!.OriginalString);
        Assert.Contains("Ärendena är sammanslagna", targetPage.Text("[role=status]"));
        Assert.Contains("Samma händelse, rapporterad igen.", string.Join(" ", targetPage.QuerySelectorAll(".description").Select(d => d.TextContent)));
        Assert.Contains($"Ärende {source.Reference} slogs samman med det här ärendet.", targetPage.Text("ol.timeline"));
        Assert.Empty(sourcePage.QuerySelectorAll(".description"));
        Assert.Contains($"Ärendet slogs samman med {target.Reference} och avslutades.", sourcePage.Text("ol.timeline"));
        Assert.Equal($"/arenden/{target.CaseId}", sourcePage.QuerySelector($"dl.details a[href='/arenden/{target.CaseId}']")?.GetAttribute("href"));
        Assert.Null(sourcePage.QuerySelector(MergeForm));
        var sheet = await (await factory.ApiClientAsync(Demo.Officer)).CaseAsync(source.CaseId);
        Assert.Equal("closed", sheet.GetProperty("status").GetString());
        Assert.Equal("merged", sheet.GetProperty("outcome").GetString());
        Assert.Equal(target.Reference, sheet.GetProperty("mergedInto").GetProperty("reference").GetString());
        var representative = await factory.SignedInAsync(Demo.Representative);
        Assert.Contains(target.Reference, (await representative.GetPageAsync($"/mina-rapporter/{source.ReportId}")).Text("h1"));
    }

    [Fact]
    public async Task Merge_without_confirmation_is_refused_and_nothing_changes()
    {
        var target = await factory.ReportedCaseAsync("Ärende att slå samman med.");
        var source = await factory.ReportedCaseAsync("Ärende som nästan slogs samman.");
        var officer = await factory.SignedInAsync(Demo.Officer);

        var response = await officer.SubmitFormAsync($"/arenden/{source.CaseId}",
            new Dictionary<string, string> { ["Merge.Reference"] = target.Reference }, MergeForm);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bekräfta", Assert.Single(page.FieldErrors("Merge.Confirmed")));
        var sheet = await (await factory.ApiClientAsync(Demo.Officer)).CaseAsync(source.CaseId);
        Assert.Equal("new", sheet.GetProperty("status").GetString());
        Assert.Single(sheet.GetProperty("reports").EnumerateArray());
    }

    [Fact]
    public async Task Merge_through_the_api_answers_with_the_target_holding_both_reports()
    {
        var target = await factory.ReportedCaseAsync("Första anmälan.");
        var source = await factory.ReportedCaseAsync("Andra anmälan om samma sak.");
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var version = (await officer.CaseAsync(source.CaseId)).GetProperty("version").GetInt32();

        var merged = await (await officer.PostJsonAsync($"/api/v1/cases/{source.CaseId}/links", new { reference = target.Reference, merge = true, version }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(target.CaseId, merged.GetProperty("id").GetGuid());
        Assert.Equal([target.ReportId, source.ReportId],
            merged.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("report").GetProperty("id").GetGuid()));
        Assert.Equal(source.CaseId, Assert.Single(merged.Lines("merged_from")).GetProperty("relatedId").GetGuid());
        var again = await officer.PostJsonAsync($"/api/v1/cases/{source.CaseId}/links", new { reference = target.Reference, merge = true });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Link_with_a_stale_version_is_a_conflict_and_links_nothing()
    {
        var a = await factory.ReportedCaseAsync("Ärende med gammal version.");
        var b = await factory.ReportedCaseAsync("Ärende att koppla.");
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var version = (await officer.CaseAsync(a.CaseId)).GetProperty("version").GetInt32();

        var response = await officer.PostJsonAsync($"/api/v1/cases/{a.CaseId}/links", new { reference = b.Reference, reason = "other", version = version - 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty((await officer.CaseAsync(a.CaseId)).GetProperty("links").EnumerateArray());
    }
}
