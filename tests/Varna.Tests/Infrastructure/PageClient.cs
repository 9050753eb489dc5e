using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Varna.Tests.Infrastructure;

// Drives the Razor Pages as a browser without JavaScript would: GET the page, fill the form
// (including its antiforgery token), POST it. Assertions read the returned HTML.
public static class PageClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {expected}, got {response.StatusCode} {response.Headers.Location}");
        return Parser.ParseDocument(html);
    }

    // Posts the form on `url` that has a submit button or action matching `formSelector`
    // (CSS; default: the first form with method=post inside main), with the given fields set.
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url,
        IDictionary<string, string> fields, string formSelector = "main form[method=post]")
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        return await client.PostFormAsync(form, url, fields);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IHtmlFormElement form, string pageUrl, IDictionary<string, string> fields)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !fields.ContainsKey(input.Name):
                    if (input.Type is "checkbox" or "radio") { if (input.IsChecked) values.Add(new(input.Name, input.Value)); }
                    else if (input.Type is not "submit" and not "file") values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !fields.ContainsKey(select.Name):
                    if (select.Value is { } v) values.Add(new(select.Name, v));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !fields.ContainsKey(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
            }
        }
        values.AddRange(fields);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static async Task<IHtmlDocument> ReadPageAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public static async Task<HttpClient> SignedInAsync(this VarnaFactory factory, string email, string password = "Demo-2026!")
    {
        var client = factory.CreatePageClient();
        var response = await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {response.StatusCode}");
        return client;
    }

    // Field-level error messages shown on a page (asp-validation-for spans and the summary).
    public static IReadOnlyList<string> FieldErrors(this IHtmlDocument page, string field) =>
        page.QuerySelectorAll($"[data-valmsg-for='{field}']").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
}
