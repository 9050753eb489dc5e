using System.Net.Http.Json;
using Varna.Features.Audit;
using Varna.Tests.Reports;

namespace Varna.Tests.Audit;

// Every read, change, export and download of a case leaves a line with the case's id, written
// before the answer is sent.
public sealed class CaseAuditTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Reading_the_case_page_is_logged_with_the_case_and_the_officer()
    {
        var (caseId, _, _, _) = await factory.CaseWithEvidenceAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        await officer.GetPageAsync($"/arenden/{caseId}");

        var line = Assert.Single(await factory.AuditAsync(e => e.CaseId == caseId));
        Assert.Equal(AuditAction.CaseRead, line.Action);
        Assert.Equal(await factory.UserIdAsync(Demo.Officer), line.ActorUserId);
        Assert.Equal(Demo.Officer, line.ActorName);
        Assert.Equal("GET /arenden/{id:guid}", line.Target);
        Assert.Equal(await factory.OrganisationIdAsync(ReportsArrange.DemoKommun), line.OrganisationId);
    }

    [Fact]
    public async Task Reading_the_case_through_the_api_is_logged_with_the_case()
    {
        var (caseId, _, _, _) = await factory.CaseWithEvidenceAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);

        var line = Assert.Single(await factory.AuditAsync(e => e.CaseId == caseId));
        Assert.Equal(AuditAction.CaseRead, line.Action);
        Assert.Equal("GET /api/v1/cases/{id:guid}", line.Target);
        Assert.Equal("GetCase", line.Detail);
    }

    [Fact]
    public async Task A_change_on_the_page_and_through_the_api_is_logged_as_case_changed()
    {
        var (caseId, _, _, _) = await factory.CaseWithEvidenceAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var api = await factory.ApiClientAsync(Demo.Officer);

        var taken = await officer.SubmitFormAsync($"/arenden/{caseId}", new Dictionary<string, string>(), "main form.take-case");
        var noted = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = "Ringde upp." });

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Created, noted.StatusCode);
        var changes = await factory.AuditAsync(e => e.CaseId == caseId && e.Action == AuditAction.CaseChanged);
        Assert.Equal(["POST /arenden/{id:guid} [Assign]", "POST /api/v1/cases/{id:guid}/notes"], changes.Select(c => c.Target));
    }

    [Fact]
    public async Task Evidence_downloads_by_the_officer_and_by_the_reporter_are_logged_with_the_case()
    {
        var (caseId, reportId, evidenceId, _) = await factory.CaseWithEvidenceAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var reporter = await factory.SignedInAsync(Demo.Representative);
        var officerApi = await factory.ApiClientAsync(Demo.Officer);

        var page = await officer.GetPageAsync($"/arenden/{caseId}");
        var viaPage = await officer.GetAsync(page.QuerySelector("a.evidence-name")!.GetAttribute("href"));
        var viaApi = await officerApi.GetAsync($"/api/v1/reports/{reportId}/evidence/{evidenceId}");
        var viaMine = await reporter.GetAsync($"/mina-rapporter/{reportId}/bevis/{evidenceId}");

        Assert.All([viaPage, viaApi, viaMine], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var downloads = await factory.AuditAsync(e => e.CaseId == caseId && e.Action == AuditAction.Download);
        Assert.Equal(3, downloads.Count);
        Assert.All(downloads, d => Assert.Contains($"evidence:{evidenceId}", d.Detail));
        Assert.Equal([Demo.Officer, Demo.Officer, Demo.Representative], downloads.Select(d => d.ActorName));
    }

    [Fact]
    public async Task Police_package_downloads_are_logged_as_exports()
    {
        var (caseId, _, _, _) = await factory.CaseWithEvidenceAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var api = await factory.ApiClientAsync(Demo.Officer);

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/arenden/{caseId}/polisanmalan.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/cases/{caseId}/police-package")).StatusCode);

        var exports = await factory.AuditAsync(e => e.CaseId == caseId && e.Action == AuditAction.Export);
        Assert.Equal(["GET /arenden/{id:guid}/polisanmalan.docx", "GET /api/v1/cases/{id:guid}/police-package"], exports.Select(e => e.Target));
    }

    // A 404 showed nothing, so nothing was read: no line, and no foreign case id in this organisation's log.
    [Fact]
    public async Task Officer_of_another_organisation_gets_404_and_no_line_is_written()
    {
        var (caseId, _, evidenceId, _) = await factory.CaseWithEvidenceAsync();
        var stranger = await factory.SignedInAsync(Demo.RegionOfficer);
        var strangerApi = await factory.ApiClientAsync(Demo.RegionOfficer);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/arenden/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/arenden/{caseId}/polisanmalan.docx")).StatusCode);

        Assert.Empty(await factory.AuditAsync(e => e.CaseId == caseId));
        Assert.DoesNotContain(await factory.AuditAsync(e => e.Detail != null), e => e.Detail!.Contains(evidenceId.ToString()));
    }
}
