using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

public static class AssessmentArrange
{
    public static async Task<int> CaseVersionAsync(this HttpClient api, Guid caseId) =>
        (await api.CaseAsync(caseId)).GetProperty("version").GetInt32();

    public static JsonObject Body(string level, string rationale, int? version, params (string Factor, string Answer, string? Note)[] answers)
    {
        var list = new JsonArray();
        foreach (var (factor, answer, note) in answers) list.Add(new JsonObject { ["factor"] = factor, ["answer"] = answer, ["note"] = note });
        var body = new JsonObject { ["answers"] = list, ["level"] = level, ["rationale"] = rationale };
        if (version is { } v) body["version"] = v;
        return body;
    }

    public static Task<HttpResponseMessage> PostAssessmentAsync(this HttpClient api, Guid caseId, JsonNode body) =>
        api.PostAsync($"/api/v1/cases/{caseId}/assessments",
            new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    // Records an assessment on the case's current version and returns the created assessment.
    public static async Task<JsonElement> AssessAsync(this HttpClient api, Guid caseId, string level, string rationale,
        params (string Factor, string Answer, string? Note)[] answers)
    {
        var body = Body(level, rationale, await api.CaseVersionAsync(caseId), answers);
        return await (await api.PostAssessmentAsync(caseId, body)).JsonAsync(HttpStatusCode.Created);
    }

    public static string? AnswerOf(this JsonElement assessment, string factor) =>
        assessment.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("factor").GetString() == factor).GetProperty("answer").GetString();

    public static string? NoteOf(this JsonElement assessment, string factor) =>
        assessment.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("factor").GetString() == factor).GetProperty("note").GetString();

    public static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime).ToString("yyyy-MM-dd");
}
