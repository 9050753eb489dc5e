using System.Net.Http.Json;
using System.Text.Json;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Cases made the way they arise: a representative reports, and the report opens a case.
public static class NotesLinksArrange
{
    public sealed record NewCase(Guid CaseId, Guid ReportId, string Reference);

    public static async Task<NewCase> ReportedCaseAsync(this VarnaFactory factory, string description, string reporter = Demo.Representative)
    {
        var client = await factory.ApiClientAsync(reporter);
        var created = await client.SubmitReportAsync(ReportsArrange.ValidReport(description));
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters()
            .Where(r => r.Id == created.Id()).Select(r => r.CaseId).SingleAsync());
        return new NewCase(caseId, created.Id(), created.GetProperty("reference").GetString()!);
    }

    // The timeline lines of a kind, as the API gives them.
    public static JsonElement[] Lines(this JsonElement sheet, string kind) =>
        sheet.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind).ToArray();

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient api, string url, object body) =>
        api.PostAsJsonAsync(url, body);
}
