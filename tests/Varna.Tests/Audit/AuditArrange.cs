using System.Text.Json;
using Varna.Features.Audit;
using Varna.Tests.Reports;

namespace Varna.Tests.Audit;

public static class AuditArrange
{
    // The audit lines that match, in chain order.
    public static Task<List<AuditEntry>> AuditAsync(this VarnaFactory factory, System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where) =>
        factory.WithDbAsync(null, db => db.AuditEntries.AsNoTracking().Where(where).OrderBy(e => e.Sequence).ToListAsync());

    public static Task<Guid> UserIdAsync(this VarnaFactory factory, string email) =>
        factory.WithDbAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    // A case of Demo kommun opened by the demo representative, with one uploaded file.
    public static async Task<(Guid CaseId, Guid ReportId, Guid EvidenceId, string Reference)> CaseWithEvidenceAsync(this VarnaFactory factory,
        string description = "Någon hotade mig efter mötet.")
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var created = await client.SubmitReportAsync(ReportsArrange.ValidReport(description));
        var uploaded = await (await client.PostAsync($"/api/v1/reports/{created.Id()}/evidence", ReportsArrange.Files(("bild.png", ReportsArrange.Png))))
            .JsonAsync(HttpStatusCode.Created);
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == created.Id()).Select(r => r.CaseId).SingleAsync());
        return (caseId, created.Id(), uploaded.EnumerateArray().Single().GetProperty("id").GetGuid(), created.GetProperty("reference").GetString()!);
    }
}
