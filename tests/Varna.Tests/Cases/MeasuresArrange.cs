using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// A fresh case of Demo kommun (a report by its representative) and the officer's API calls on it.
public static class MeasuresArrange
{


    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static JsonObject ValidMeasure(string code = "home_security_review") => new()
    {
        ["code"] = code,
        ["description"] = "Gå igenom lås och belysning vid bostaden.",
        ["owner"] = "Fastighetskontoret",
        ["status"] = "planned",
        ["startOn"] = Today.ToString("yyyy-MM-dd"),
        ["reviewOn"] = Today.AddDays(14).ToString("yyyy-MM-dd"),
        ["endOn"] = Today.AddDays(30).ToString("yyyy-MM-dd"),
    };


    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, JsonNode body) =>
        client.PatchAsync(url, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> AddMeasureAsync(this HttpClient officer, Guid caseId, JsonObject? body = null) =>
        await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/measures", body ?? ValidMeasure())).JsonAsync(HttpStatusCode.Created);



    public static string? TextOrNull(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).ToString();
}
