using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Varna.Tests.Users;

namespace Varna.Tests.Reports;

// Reports made through the API, as a phone app would, and the multipart post of the evidence form.
public static class MyReportsArrange
{
    public sealed record Created(Guid Id, string Reference);

    // The PNG signature and a few bytes: enough for the content sniffer.
    public static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3, 4, 5];

    public static async Task<Created> ReportAsync(this HttpClient api, string description = "Någon skrev att de vet var jag bor.",
        string wish = "request_contact", string[]? types = null, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["occurredAt"] = DateTimeOffset.UtcNow.AddHours(-2).ToString("o"),
            ["dangerNow"] = false,
            ["channel"] = "email",
            ["types"] = types ?? ["threat"],
            ["description"] = description,
            ["wish"] = wish,
        };
        if (extra is not null)
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
                body[property.Name] = property.Value;
        var response = await api.PostAsJsonAsync("/api/v1/reports", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Created(json.RootElement.GetProperty("id").GetGuid(), json.RootElement.GetProperty("reference").GetString()!);
    }

    public static async Task<Created> ReportAsync(this VarnaFactory factory, string email, string description = "Någon skrev att de vet var jag bor.") =>
        await (await factory.ApiClientAsync(email)).ReportAsync(description);

    // A representative account of its own in the given organisation, signed in.
    public static async Task<(string Email, HttpClient Client)> OtherRepresentativeAsync(this VarnaFactory factory, string organisation = "Demo kommun")
    {
        var email = $"annan-{Guid.NewGuid():N}@example.se";
        const string password = "Annan-losen-2026!";
        await factory.CreateAccountAsync(email, Roles.Representative, await factory.OrganisationIdAsync(organisation), password);
        return (email, await factory.SignedInAsync(email, password));
    }

    // Posts the evidence form of the report page: files as multipart, with the form's antiforgery token.
    public static async Task<HttpResponseMessage> PostEvidenceAsync(this HttpClient client, Guid reportId,
        IEnumerable<(string Name, byte[] Bytes)> files, string? text = null, string? links = null)
    {
        var page = await client.GetPageAsync($"/mina-rapporter/{reportId}");
        var form = (IHtmlFormElement)page.QuerySelector("#evidence-form")!;
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(text ?? ""), "Evidence.Text" },
            { new StringContent(links ?? ""), "Evidence.Links" },
        };
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Evidence.Files", name);
        }
        return await client.PostAsync(form.GetAttribute("action"), content);
    }

    public static async Task<IHtmlDocument> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    // The e-mails to one address, read once every file is whole: the background worker may be
    // writing one while the test reads (the pickup mailer writes the .eml in place).
    public static async Task<string[]> MailsToAsync(this VarnaFactory factory, string email, Func<string[], bool> complete)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                var mails = factory.MailsTo(email);
                if (complete(mails) || DateTime.UtcNow > deadline) return mails;
            }
            catch (Exception e) when (e is FormatException or IOException && DateTime.UtcNow < deadline) { }
            await Task.Delay(50);
        }
    }

    public static string MainText(this IHtmlDocument page) => page.QuerySelector("main")!.TextContent;
}
