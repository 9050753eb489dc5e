using AngleSharp.Dom;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Varna.Features.Cases;
using Varna.Features.Reports;
using Varna.Infrastructure;

namespace Varna.Tests.Reports;

public sealed record UploadFile(string Name, byte[] Bytes, string ContentType = "application/octet-stream");

// Posts the report forms as a browser without JavaScript does: multipart/form-data with every
// field the page shows (its defaults unless the test sets them), the antiforgery token and files.
internal static class ReportFormKit
{
    public const string DemoKommun = "Demo kommun";
    public const string Exempelregionen = "Exempelregionen";


    // What a hurried person fills in: the required answers only.
    public static List<KeyValuePair<string, string>> Required(string description = "Någon skrev att de vet var jag bor.",
        string channel = "social_media_private", string wish = "request_contact", params string[] types)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.DangerNow", "false"),
            new("Input.Description", description),
            new("Input.Channel", channel),
            new("Input.Wish", wish),
        };
        fields.AddRange((types.Length == 0 ? ["threat"] : types).Select(t => new KeyValuePair<string, string>("Input.Types", t)));
        return fields;
    }

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return fields;
    }

    public static List<KeyValuePair<string, string>> Without(this List<KeyValuePair<string, string>> fields, string name)
    {
        fields.RemoveAll(f => f.Key == name);
        return fields;
    }

    public static async Task<HttpResponseMessage> PostReportAsync(this HttpClient client, string url,
        IReadOnlyList<KeyValuePair<string, string>> fields, params UploadFile[] files)
    {
        var page = await client.GetPageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("main form[enctype='multipart/form-data']")!;
        var given = fields.Select(f => f.Key).ToHashSet();
        using var content = new MultipartFormDataContent();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !given.Contains(input.Name):
                    if (input.Type is "checkbox" or "radio") { if (input.IsChecked) content.Add(new StringContent(input.Value), input.Name); }
                    else if (input.Type is not "submit" and not "file") content.Add(new StringContent(input.Value), input.Name);
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !given.Contains(select.Name):
                    content.Add(new StringContent(select.Value ?? ""), select.Name);
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !given.Contains(area.Name):
                    content.Add(new StringContent(area.Value), area.Name);
                    break;
            }
        }
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        var fileInput = form.QuerySelector<IHtmlInputElement>("input[type=file]")!;
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, fileInput.Name!, file.Name);
        }
        return await client.PostAsync(url, content);
    }

    // Follows the redirect to the receipt and returns its id and page.
    public static async Task<(Guid Id, IHtmlDocument Page)> ReceiptAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Expected a redirect to the receipt, got {response.StatusCode}: {(await response.ReadPageAsync()).QuerySelector(".error-summary")?.TextContent}");
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/rapportera/kvitto/", location);
        return (Guid.Parse(location["/rapportera/kvitto/".Length..]), await client.GetPageAsync(location));
    }

    public static async Task<(Report Report, Case Case, List<Evidence> Evidence)> StoredAsync(this VarnaFactory factory, Guid reportId,
        string organisation = DemoKommun)
    {
        var organisationId = await factory.OrganisationIdAsync(organisation);
        return await factory.WithDbAsync(organisationId, async db =>
        {
            var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == reportId);
            var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == report.CaseId);
            var evidence = await db.Evidence.AsNoTracking().Where(e => e.ReportId == reportId).OrderBy(e => e.ReceivedAt).ToListAsync();
            return (report, @case, evidence);
        });
    }

    public static async Task<int> ReportCountAsync(this VarnaFactory factory, string organisation = DemoKommun)
    {
        var organisationId = await factory.OrganisationIdAsync(organisation);
        return await factory.WithDbAsync(organisationId, db => db.Reports.CountAsync());
    }

    public static async Task<Varna.Features.Organisations.OrganisationSettings> SettingsAsync(this VarnaFactory factory, string organisation = DemoKommun) =>
        await factory.WithDbAsync(null, db => db.Organisations.AsNoTracking().Where(o => o.Name == organisation).Select(o => o.Settings).SingleAsync());

    public static string Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Swedish.TimeZone).DateTime).ToString("yyyy-MM-dd");

    public static string Text(this IHtmlDocument page, string selector) => page.QuerySelector(selector)?.TextContent.Trim() ?? "";
}
