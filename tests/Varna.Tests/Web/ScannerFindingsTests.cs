using AngleSharp.Html.Dom;
using static Varna.Tests.Reports.MyReportsArrange;

namespace Varna.Tests.Web;

// What wapiti found (docs/security.md, "External scanners"): requests that answered 500.
public sealed class ScannerFindingsTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Language_switch_returns_to_an_address_with_non_ascii_characters_percent_encoded()
    {
        var client = factory.CreatePageClient();
        var response = await client.SubmitFormAsync("/konto/logga-in",
            new Dictionary<string, string> { ["returnUrl"] = "/konto/logga-in?x=¿å" }, "form.language-switch");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/logga-in?x=%C2%BF%C3%A5", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Language_switch_with_a_control_character_in_the_return_address_goes_to_the_start_page()
    {
        var client = factory.CreatePageClient();
        var response = await client.SubmitFormAsync("/konto/logga-in",
            new Dictionary<string, string> { ["returnUrl"] = "/konto\u0001" }, "form.language-switch");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_in_page_reached_cross_site_sends_the_browser_on_to_a_non_ascii_return_address_encoded()
    {
        var client = factory.CreatePageClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/konto/logga-in?ReturnUrl=" + Uri.EscapeDataString("/arenden?typ=¿"));
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0; url=/arenden?typ=%C2%BF", response.Headers.GetValues("Refresh").Single());
    }

    [Fact]
    public async Task Post_to_a_handler_the_report_page_does_not_have_is_not_found_and_adds_nothing()
    {
        var report = await factory.ReportAsync(Demo.Representative);
        var client = await factory.SignedInAsync(Demo.Representative);
        var page = await client.GetPageAsync($"/mina-rapporter/{report.Id}");
        var token = ((IHtmlInputElement)page.QuerySelector("#supplement-form input[name=__RequestVerificationToken]")!).Value;

        var response = await client.PostAsync($"/mina-rapporter/{report.Id}?handler=Supplement'wNpLri",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Supplement.Text"] = "Tillägg som inte ska sparas.",
            }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Sidan finns inte", (await response.ReadPageAsync()).QuerySelector("h1")!.TextContent);
        var after = await client.GetPageAsync($"/mina-rapporter/{report.Id}");
        Assert.DoesNotContain("Tillägg som inte ska sparas.", after.Body!.TextContent);
    }

    [Fact]
    public async Task Checkbox_posted_with_a_value_that_is_not_yes_or_no_gets_a_field_error_not_a_500()
    {
        await factory.ReportAsync(Demo.Representative);
        var api = await factory.ApiClientAsync(Demo.Officer);
        using var inbox = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/v1/cases"));
        var caseId = inbox.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        var client = await factory.SignedInAsync(Demo.Officer);

        var response = await client.SubmitFormAsync($"/arenden/{caseId}",
            new Dictionary<string, string> { ["Merge.Reference"] = "", ["Merge.Confirmed"] = "true¿'\"(" },
            $"form[action='/arenden/{caseId}?handler=Merge']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.NotEmpty(page.FieldErrors("Merge.Confirmed"));
        Assert.False(((IHtmlInputElement)page.QuerySelector("input[name='Merge.Confirmed'][type=checkbox]")!).IsChecked);
    }
}
