using Microsoft.AspNetCore.Hosting;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Varna.Tests.Reports;

namespace Varna.Tests.Web;

public sealed class SecurityHeaderTests(SecurityHeaderTests.StaticFilesFactory factory) : IClassFixture<SecurityHeaderTests.StaticFilesFactory>
{
    // With the static web assets manifest, so that /css is served here as it is in a deployment.
    public sealed class StaticFilesFactory : VarnaFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseStaticWebAssets();
        }
    }

    private static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    private sealed record Seeded(Guid CaseId, Guid ReportId, Guid EvidenceId);

    private async Task<Seeded> SeedAsync()
    {
        var reporter = await factory.ApiClientAsync(Demo.Representative);
        var report = await reporter.SubmitReportAsync();
        var uploaded = await (await reporter.PostAsync($"/api/v1/reports/{report.Id()}/evidence",
            ReportsArrange.Files(("skärmbild.png", ReportsArrange.Png)))).JsonAsync(HttpStatusCode.Created);
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == report.Id()).Select(r => r.CaseId).SingleAsync());
        return new Seeded(caseId, report.Id(), uploaded[0].GetProperty("id").GetGuid());
    }

    // The app's own endpoints with their route parameters filled in: real ids where the route
    // names a case, report or evidence, anything else a value that answers 404, which must carry
    // the headers all the same.
    private IEnumerable<(string Url, HttpMethod[] Methods, bool Static)> Routes(Seeded seeded)
    {
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            var url = "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => Value(pattern.RawText ?? "", parameter, seeded),
                _ => "",
            }))));
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Select(m => new HttpMethod(m)).ToArray() ?? Methods;
            yield return (url, methods, endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null);
        }
    }

    private static string Value(string route, RoutePatternParameterPart parameter, Seeded seeded)
    {
        var cases = route.Contains("arenden") || route.Contains("cases");
        return parameter.Name switch
        {
            "id" when cases => seeded.CaseId.ToString(),
            "id" when route.Contains("rapport") || route.Contains("reports") => seeded.ReportId.ToString(),
            "reportId" => seeded.ReportId.ToString(),
            "evidenceId" => seeded.EvidenceId.ToString(),
            "code" => "404",
            _ when parameter.IsCatchAll => "finns-inte",
            _ when parameter.ParameterPolicies.Any(p => p.Content == "int") => "1",
            _ => Guid.NewGuid().ToString(),
        };
    }

    private static IEnumerable<string> Problems(HttpResponseMessage response, bool isStatic)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;
        var csp = Header("Content-Security-Policy") ?? "";
        if (!csp.Contains("default-src 'self'") || !csp.Contains("script-src 'self'") || !csp.Contains("frame-ancestors 'none'")
            || csp.Contains("unsafe-inline") || csp.Contains("http"))
            yield return $"CSP '{csp}'";
        if (Header("X-Content-Type-Options") != "nosniff") yield return "nosniff";
        if (Header("X-Frame-Options") != "DENY") yield return "X-Frame-Options";
        if (Header("Referrer-Policy") != "no-referrer") yield return "Referrer-Policy";
        var permissions = Header("Permissions-Policy") ?? "";
        if (!permissions.Contains("camera=()") || !permissions.Contains("geolocation=()") || !permissions.Contains("publickey-credentials-get=(self)"))
            yield return $"Permissions-Policy '{permissions}'";
        if (Header("Cross-Origin-Opener-Policy") != "same-origin") yield return "COOP";
        if (Header("Cross-Origin-Resource-Policy") != "same-origin") yield return "CORP";
        if (!isStatic && response.Headers.CacheControl?.NoStore != true) yield return $"Cache-Control '{response.Headers.CacheControl}'";
        if (response.Headers.Contains("Pragma")) yield return "Pragma";
    }

    private static async Task<List<string>> CheckAsync(HttpClient client, IEnumerable<(string Url, HttpMethod[] Methods, bool Static)> routes,
        Func<HttpMethod, bool> send, string who)
    {
        var failures = new List<string>();
        foreach (var (url, methods, isStatic) in routes)
        foreach (var method in methods.Where(send))
        {
            var request = new HttpRequestMessage(method, url);
            if (method != HttpMethod.Get) request.Content = JsonContent.Create(new { });
            var response = await client.SendAsync(request);
            failures.AddRange(Problems(response, isStatic && response.IsSuccessStatusCode).Select(p => $"{who} {method} {url} ({(int)response.StatusCode}): {p}"));
        }
        return failures;
    }

    [Fact]
    public async Task Every_route_answers_anonymous_callers_with_the_security_headers_and_no_store()
    {
        var routes = Routes(await SeedAsync()).ToList();
        Assert.Contains(routes, r => r.Url.StartsWith("/api/v1/cases/"));
        Assert.Contains(routes, r => r.Url == "/konto/logga-in");

        var failures = await CheckAsync(factory.CreatePageClient(), routes, _ => true, "anonymous");

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_route_answers_a_signed_in_officer_with_the_security_headers_and_no_store()
    {
        var seeded = await SeedAsync();
        var pages = await factory.SignedInAsync(Demo.Officer);
        var api = await factory.ApiClientAsync(Demo.Officer);
        var routes = Routes(seeded).ToList();
        // Only reads: the point is the headers, not changing the seeded case.
        var failures = await CheckAsync(pages, routes.Where(r => !r.Url.StartsWith("/api")), m => m == HttpMethod.Get, "officer");
        failures.AddRange(await CheckAsync(api, routes.Where(r => r.Url.StartsWith("/api")), m => m == HttpMethod.Get, "officer api"));

        Assert.Empty(failures);
        // The case page itself was among them and answered.
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/arenden/{seeded.CaseId}")).StatusCode);
    }

    [Fact]
    public async Task Stylesheet_stays_cacheable_and_still_carries_the_headers()
    {
        var response = await factory.CreateClient().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
        Assert.Empty(Problems(response, isStatic: true));
    }

    [Fact]
    public async Task Not_found_pages_and_api_problems_carry_the_headers_and_no_store()
    {
        var page = await factory.CreateClient().GetAsync("/finns-inte");
        var api = await factory.CreateClient().GetAsync("/api/v1/finns-inte");
        // Not a route at all, so the fallback policy sends an anonymous caller to sign in.
        var missingStyle = await factory.CreatePageClient().GetAsync("/css/finns-inte.css");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Empty(Problems(page, isStatic: false));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Empty(Problems(api, isStatic: false));
        Assert.False(missingStyle.IsSuccessStatusCode);
        Assert.Empty(Problems(missingStyle, isStatic: false));
    }

    [Fact]
    public async Task Https_responses_carry_HSTS_for_a_year_and_plain_http_ones_do_not()
    {
        var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://varna.kommun.example"), AllowAutoRedirect = false });
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://varna.kommun.example"), AllowAutoRedirect = false });
        var localhost = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var secured = await https.GetAsync("/konto/logga-in");
        var missing = await https.GetAsync("/api/v1/finns-inte");

        Assert.Equal("max-age=31536000", secured.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal("max-age=31536000", missing.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False((await http.GetAsync("/konto/logga-in")).Headers.Contains("Strict-Transport-Security"));
        // As ASP.NET Core's UseHsts: never for localhost, so trying Värna locally over HTTPS does
        // not pin every other local site to HTTPS.
        Assert.False((await localhost.GetAsync("/konto/logga-in")).Headers.Contains("Strict-Transport-Security"));
    }
}
