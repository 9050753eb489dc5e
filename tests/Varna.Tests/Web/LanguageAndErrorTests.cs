namespace Varna.Tests.Web;

public sealed class LanguageAndErrorTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Pages_are_Swedish_by_default_even_when_the_browser_asks_for_English()
    {
        var client = factory.CreatePageClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var page = await client.GetPageAsync("/konto/logga-in");
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Logga in", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Language_switch_is_remembered_in_a_cookie()
    {
        var client = factory.CreatePageClient();
        var response = await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>(), "form.language-switch");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/logga-in", response.Headers.Location!.ToString());

        var page = await client.GetPageAsync("/konto/logga-in");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("På svenska", page.QuerySelector("form.language-switch button")!.TextContent.Trim());
    }

    [Fact]
    public async Task Unknown_page_gets_the_friendly_404_page()
    {
        var client = await factory.SignedInAsync(Demo.Analyst);
        var page = await client.GetPageAsync("/finns-inte", HttpStatusCode.NotFound);
        Assert.Equal("Sidan finns inte", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Unknown_api_route_gets_problem_details()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/finns-inte");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/me\"", json);
    }

    [Fact]
    public async Task Pages_load_no_third_party_resources_and_send_a_strict_policy()
    {
        var response = await factory.CreatePageClient().GetAsync("/konto/logga-in");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        var page = await response.ReadPageAsync();
        var external = page.QuerySelectorAll("[src],[href]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .Where(u => u.StartsWith("http", StringComparison.OrdinalIgnoreCase) || u.StartsWith("//"));
        Assert.Empty(external);
    }
}
