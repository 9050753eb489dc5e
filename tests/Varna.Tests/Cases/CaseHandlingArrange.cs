using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// A fresh case for each test (the demo representative reports something) and the officer's API calls on it.
public static class CaseHandlingArrange
{
    public static async Task<Guid> NewCaseAsync(this VarnaFactory factory, string description = "Någon skrev att de vet var jag bor.")
    {
        var representative = await factory.ApiClientAsync(Demo.Representative);
        var created = await representative.SubmitReportAsync(ReportsArrange.ValidReport(description));
        return await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters()
            .Where(r => r.Id == created.Id()).Select(r => r.CaseId).SingleAsync());
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode? body = null) =>
        client.PostAsync(url, new StringContent((body ?? new JsonObject()).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> CaseAsync(this HttpClient client, Guid caseId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");

    public static string Text(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? "" : element.GetProperty(property).ToString();

    public static IEnumerable<JsonElement> Timeline(this JsonElement @case, string kind) =>
        @case.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind);

    // Puts a fresh case into the given status through the API, the way an officer would get there.
    public static async Task<Guid> CaseWithStatusAsync(this VarnaFactory factory, HttpClient officer, string status)
    {
        var caseId = await factory.NewCaseAsync();
        var body = status switch
        {
            "new" => null,
            "closed" => new JsonObject { ["status"] = "closed", ["outcome"] = "handled", ["reporterInformed"] = true },
            _ => new JsonObject { ["status"] = status },
        };
        if (body is not null) await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/status", body)).JsonAsync(HttpStatusCode.OK);
        return caseId;
    }
}
