using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Varna.Tests.Reliability;

// A form as the page served it: where it posts, its fields with their values (including the
// antiforgery token) and its file inputs.
public sealed record ServedForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<string> FileInputs)
{
    public static async Task<ServedForm?> ReadAsync(HttpClient client, string url, string selector)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) return null;
        if (new HtmlParser().ParseDocument(html).QuerySelector(selector) is not IHtmlFormElement form) return null;
        var fields = new List<KeyValuePair<string, string>>();
        var files = new List<string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "file" } file when !string.IsNullOrEmpty(file.Name): files.Add(file.Name); break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not "submit":
                    if (input.Type is not "checkbox" and not "radio" || input.IsChecked) fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && select.Value is { } value: fields.Add(new(select.Name, value)); break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name): fields.Add(new(area.Name, area.Value)); break;
            }
        }
        var action = form.GetAttribute("action");
        return new ServedForm(string.IsNullOrEmpty(action) ? url : action, fields, files);
    }
}

public sealed record FormCall(string Target, string? Caller, HttpMethod Method, string Url, byte[]? Body, string? ContentType,
    string Kind, IReadOnlyList<string> Fields, bool MayBeNotFound, string? PoisonValue = null);

public static class FuzzFormRequests
{
    public static FormCall Build(Random r, FormTarget target, ServedForm? served, FuzzWorld w)
    {
        var fields = new List<KeyValuePair<string, string>>(served?.Fields ?? []);
        foreach (var (name, value) in target.Valid ?? new Dictionary<string, string>()) SetField(fields, name, value);
        var changed = new List<string>();

        // Odd text in other fields, and fields the form does not have: harmless alone.
        for (var n = r.Next(3); n > 0; n--)
        {
            var free = fields.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal) && f.Key != "Version" && f.Key != "MeasureVersion").ToList();
            if (r.Next(3) == 0 || free.Count == 0) fields.Add(new(r.Pick(["Input.IsAdmin", "OrganisationId", "handler", "Input", "Input.Id"]), FuzzValues.OddString(r)));
            else { var f = r.PickOne(free).Key; SetField(fields, f, FuzzValues.OddString(r)); changed.Add(f); }
        }

        var kinds = new List<string> { "poison", "poison", "poison", "poison", "poison", "poison", "poison", "poison" };
        if (target.Method == "POST") kinds.AddRange(["no-token", "content-type"]);
        if (target.Multipart) kinds.Add("truncated");
        var action = served?.Action ?? target.Url(w);
        if (System.Text.RegularExpressions.Regex.IsMatch(action.Split('?')[0], "[0-9a-f]{8}-[0-9a-f]{4}-")) kinds.Add("route");
        var kind = r.PickOne(kinds);

        var poison = r.PickOne(target.Poisons);
        var poisonValue = poison.Value(r, w);
        if (poisonValue is null) fields.RemoveAll(f => f.Key == poison.Field); else SetField(fields, poison.Field, poisonValue);
        changed.Add(poison.Field);
        var mayBeNotFound = Guid.TryParse(poisonValue, out _);

        if (kind == "route")
            action = System.Text.RegularExpressions.Regex.Replace(action.Split('?')[0], "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                r.Next(2) == 0 ? Guid.NewGuid().ToString() : r.Pick(FuzzValues.BadRouteIds)) + (action.Contains('?') ? action[action.IndexOf('?')..] : "");
        if (kind == "no-token") fields.RemoveAll(f => f.Key == "__RequestVerificationToken");

        if (target.Method == "GET")
        {
            var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            return new FormCall(target.Name, target.Caller, HttpMethod.Get, $"{action}?{query}", null, null, kind, changed, mayBeNotFound);
        }

        byte[] body;
        string contentType;
        if (kind == "content-type")
        {
            body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value)));
            contentType = r.Pick(["application/json", "text/plain", "application/xml"]);
        }
        else if (target.Multipart)
        {
            const string boundary = "varna-form-grans";
            var parts = fields.Select(f => (f.Key, Encoding.UTF8.GetBytes(f.Value), (string?)null)).ToList();
            if (r.Next(2) == 0)
                foreach (var input in served?.FileInputs ?? [])
                    parts.AddRange(FuzzApiRequests.RefusedFiles(r).Select(f => (input, f.Bytes, f.FileName)));
            body = FuzzApiRequests.MultipartBytes(boundary, parts, complete: kind != "truncated");
            if (kind == "truncated") body = body[..r.Next(0, body.Length)];
            contentType = $"multipart/form-data; boundary={boundary}";
        }
        else
        {
            body = Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
            contentType = "application/x-www-form-urlencoded";
        }
        return new FormCall(target.Name, target.Caller, HttpMethod.Post, action, body, contentType, kind, changed, mayBeNotFound, poisonValue);
    }

    private static void SetField(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var at = fields.FindIndex(f => f.Key == name);
        if (at >= 0) fields[at] = new(name, value); else fields.Add(new(name, value));
    }

    public static HttpRequestMessage ToRequest(this FormCall call)
    {
        var request = new HttpRequestMessage(call.Method, call.Url);
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", call.ContentType);
        }
        return request;
    }
}
