using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Varna.Tests.Cases;
using Varna.Tests.Reports;

namespace Varna.Tests.Reliability;

// What the fuzzer aims at: one real report with a file, its case with a measure, a follow-up and an
// assessment, a representative with a mandate and a user, so that malformed requests reach the
// handlers behind the route checks. Made before the first database digest.
public sealed record FuzzWorld(
    Guid ReportId, Guid EvidenceId, Guid CaseId, int CaseVersion, Guid MeasureId, int MeasureVersion, Guid FollowUpId,
    int AssessmentVersion, Guid RepresentativeId, Guid MandateId, Guid UserId, Guid OfficerId)
{
    public static async Task<FuzzWorld> ArrangeAsync(VarnaFactory factory)
    {
        var representative = await factory.ApiClientAsync(Demo.Representative);
        var report = await representative.SubmitReportAsync();
        var reportId = report.Id();
        var upload = await representative.PostAsync($"/api/v1/reports/{reportId}/evidence", ReportsArrange.Files(("skärmbild.png", ReportsArrange.Png)));
        var evidenceId = (await upload.JsonAsync(HttpStatusCode.Created))[0].GetProperty("id").GetGuid();
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == reportId).Select(r => r.CaseId).SingleAsync());

        var officer = await factory.ApiClientAsync(Demo.Officer);
        var measure = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/measures",
            new JsonObject { ["code"] = "support_talk", ["status"] = "planned", ["owner"] = "Säkerhetsenheten" })).JsonAsync(HttpStatusCode.Created);
        await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/follow-ups", new JsonObject { ["dueOn"] = "2027-03-01", ["note"] = "Ring upp" }))
            .JsonAsync(HttpStatusCode.Created);
        var assessment = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/assessments",
            new JsonObject { ["level"] = "moderate", ["rationale"] = "Första bedömningen." })).JsonAsync(HttpStatusCode.Created);
        var sheet = await officer.CaseAsync(caseId);

        var admin = await factory.ApiClientAsync(Demo.Admin);
        var representatives = await admin.GetFromJsonAsync<JsonElement>("/api/v1/representatives");
        var withMandate = representatives.EnumerateArray().First(r => r.GetProperty("mandates").GetArrayLength() > 0);
        var (userId, officerId) = await factory.WithDbAsync(null, async db => (
            await db.Users.Where(u => u.Email == Demo.Analyst).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == Demo.Officer).Select(u => u.Id).SingleAsync()));

        // The e-mails these steps queue are sent now, so that the outbox stands still during the fuzz.
        await factory.DeliverNotificationsAsync();
        return new FuzzWorld(reportId, evidenceId, caseId, sheet.GetProperty("version").GetInt32(),
            measure.GetProperty("id").GetGuid(), measure.GetProperty("version").GetInt32(),
            sheet.GetProperty("followUps")[0].GetProperty("id").GetGuid(), assessment.GetProperty("version").GetInt32(),
            withMandate.GetProperty("id").GetGuid(), withMandate.GetProperty("mandates")[0].GetProperty("id").GetGuid(), userId, officerId);
    }
}
