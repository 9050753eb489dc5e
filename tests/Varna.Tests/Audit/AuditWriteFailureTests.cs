using Varna.Features.Audit;

namespace Varna.Tests.Audit;

// With the audit log unwritable, case data is not served: the request fails instead.
public sealed class AuditWriteFailureTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Case_page_and_api_answer_500_without_the_case_when_the_audit_line_cannot_be_written()
    {
        var (caseId, _, _, _) = await factory.CaseWithEvidenceAsync("Hotbrev med unik text 7781.");
        var officer = await factory.SignedInAsync(Demo.Officer);
        var api = await factory.ApiClientAsync(Demo.Officer);
        await factory.WithDbAsync(null, db => db.Database.ExecuteSqlRawAsync("DROP TABLE audit_entries"));

        var page = await officer.GetAsync($"/arenden/{caseId}");
        var json = await api.GetAsync($"/api/v1/cases/{caseId}");

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, json.StatusCode);
        Assert.DoesNotContain("7781", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("7781", await json.Content.ReadAsStringAsync());
    }
}
