using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Varna.Tests.Reports;

public static class ReportsArrange
{
    public const string DemoKommun = ReportFormKit.DemoKommun;
    public const string Exempelregionen = ReportFormKit.Exempelregionen;

    // A complete, valid report body; tests change or remove one field at a time.
    public static JsonObject ValidReport(string description = "Någon skrev att de vet var jag bor.") => new()
    {
        ["occurredAt"] = "2026-11-20",
        ["dangerNow"] = false,
        ["channel"] = "social_media_public",
        ["types"] = new JsonArray("hate_speech"),
        ["description"] = description,
        ["wish"] = "request_contact",
    };

    public static Task<HttpResponseMessage> PostReportAsync(this HttpClient client, JsonNode body, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports")
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> SubmitReportAsync(this HttpClient client, JsonNode? body = null)
    {
        var response = await client.PostReportAsync(body ?? ValidReport());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    // The messages a 400 problem details gives for one field.
    public static string[] ProblemErrors(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToArray()
            : [];

    public static Guid Id(this JsonElement report) => report.GetProperty("id").GetGuid();

    public static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            // The client's claim, which the server must ignore.
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            content.Add(part, "files", name);
        }
        return content;
    }

    public static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();
    public static readonly byte[] Program = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];
}
