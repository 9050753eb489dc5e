using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Varna.Tests.Reports;

namespace Varna.Tests.Web;

public sealed class RateLimitTests(RateLimitTests.SmallLimitsFactory factory) : IClassFixture<RateLimitTests.SmallLimitsFactory>
{
    // Small limits with an hour's window, so that the tests reach them without racing the clock;
    // only the health check's window is short, for the reset test. Each test uses client
    // addresses and accounts of its own.
    public sealed class SmallLimitsFactory : VarnaFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (limit, permits) in new[] { ("SignIn", 2), ("SignInPerEmail", 3), ("Reports", 2), ("Evidence", 2), ("Anonymous", 3) })
            {
                builder.UseSetting($"RateLimits:{limit}:PermitLimit", permits.ToString());
                builder.UseSetting($"RateLimits:{limit}:WindowSeconds", "3600");
            }
            builder.UseSetting("RateLimits:Health:PermitLimit", "2");
            builder.UseSetting("RateLimits:Health:WindowSeconds", "2");
        }

        protected override void ConfigureTestServices(IServiceCollection services) => ClientAddressFromHeader.Register(services);
    }

    private static Dictionary<string, string> WrongPassword(string email) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = "fel-lösenord-123",
    };

    private static int RetryAfterSeconds(HttpResponseMessage response) =>
        (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;

    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_429_with_Retry_After_and_a_page_saying_how_long_to_wait()
    {
        var client = factory.PageClientAt("10.1.0.1");
        var form = (IHtmlFormElement)(await client.GetPageAsync("/konto/logga-in")).QuerySelector("main form[method=post]")!;

        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync(form, "/konto/logga-in", WrongPassword("a@example.se"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync(form, "/konto/logga-in", WrongPassword("b@example.se"))).StatusCode);
        var refused = await client.PostFormAsync(form, "/konto/logga-in", WrongPassword("c@example.se"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(RetryAfterSeconds(refused), 3000, 3600);
        var page = await refused.ReadPageAsync();
        Assert.Equal("För många försök", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Vänta 60 minuter", page.QuerySelector("main p")!.TextContent);
        Assert.Contains("frame-ancestors 'none'", refused.Headers.GetValues("Content-Security-Policy").Single());

        // Another address has its own allowance.
        var other = factory.PageClientAt("10.1.0.2");
        Assert.Equal(HttpStatusCode.OK, (await other.SubmitFormAsync("/konto/logga-in", WrongPassword("d@example.se"))).StatusCode);
    }

    [Fact]
    public async Task Sign_in_is_also_limited_per_typed_email_whichever_address_it_comes_from()
    {
        const string email = "ingen.alls@example.se";
        for (var i = 1; i <= 3; i++)
        {
            var attempt = await factory.PageClientAt($"10.2.0.{i}").SubmitFormAsync("/konto/logga-in", WrongPassword(email));
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        var refused = await factory.PageClientAt("10.2.0.4").SubmitFormAsync("/konto/logga-in", WrongPassword(" INGEN.alls@example.se "));
        var otherEmail = await factory.PageClientAt("10.2.0.5").SubmitFormAsync("/konto/logga-in", WrongPassword("nagon.annan@example.se"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, otherEmail.StatusCode);
    }

    [Fact]
    public async Task Report_submissions_through_the_api_beyond_the_limit_get_429_problem_details_per_user()
    {
        var reporter = await factory.ApiClientAsync(Demo.RegionRepresentative);
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.PostReportAsync(new System.Text.Json.Nodes.JsonObject())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.PostReportAsync(new System.Text.Json.Nodes.JsonObject())).StatusCode);
        var refused = await reporter.PostReportAsync(ReportsArrange.ValidReport(), "en");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal($"Too many requests. Try again in {RetryAfterSeconds(refused)} seconds.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters()
            .CountAsync(r => db.Users.Any(u => u.Id == r.SubmittedByUserId && u.Email == Demo.RegionRepresentative))));

        // Counted per person, not per address: a colleague is not held back.
        var colleague = await factory.ApiClientAsync(Demo.RegionOfficer);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await colleague.PostReportAsync(new System.Text.Json.Nodes.JsonObject())).StatusCode);
    }

    [Fact]
    public async Task Report_form_posts_beyond_the_limit_get_the_429_page()
    {
        var officer = await factory.SignedInAtAsync("10.3.0.1", Demo.Officer);
        var form = (IHtmlFormElement)(await officer.GetPageAsync("/rapportera/registrera")).QuerySelector("main form[method=post]")!;

        Assert.Equal(HttpStatusCode.OK, (await officer.PostFormAsync(form, "/rapportera/registrera", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostFormAsync(form, "/rapportera/registrera", new Dictionary<string, string>())).StatusCode);
        var refused = await officer.PostFormAsync(form, "/rapportera/registrera", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("För många försök", (await refused.ReadPageAsync()).QuerySelector("h1")!.TextContent);
        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/rapportera/registrera")).StatusCode);
    }

    [Fact]
    public async Task Evidence_uploads_through_the_api_beyond_the_limit_get_429()
    {
        var officer = await factory.ApiClientAsync(Demo.RegionOfficer);
        var url = $"/api/v1/reports/{Guid.NewGuid()}/evidence";
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync(url, ReportsArrange.Files(("a.png", ReportsArrange.Png)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync(url, ReportsArrange.Files(("a.png", ReportsArrange.Png)))).StatusCode);
        var refused = await officer.PostAsync(url, ReportsArrange.Files(("a.png", ReportsArrange.Png)));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var colleague = await factory.ApiClientAsync(Demo.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.PostAsync(url, ReportsArrange.Files(("a.png", ReportsArrange.Png)))).StatusCode);
    }

    [Fact]
    public async Task Evidence_form_posts_beyond_the_limit_get_the_429_page_while_messages_still_go_through()
    {
        var report = await (await factory.ApiClientAsync(Demo.Representative)).SubmitReportAsync();
        var reporter = await factory.SignedInAtAsync("10.4.0.1", Demo.Representative);
        var url = $"/mina-rapporter/{report.Id()}";
        var page = await reporter.GetPageAsync(url);
        var evidenceForm = (IHtmlFormElement)page.QuerySelector("#evidence-form")!;
        var evidence = new Dictionary<string, string> { ["Evidence.Text"] = "Han skrev samma sak igen." };

        Assert.Equal(HttpStatusCode.Redirect, (await reporter.PostFormAsync(evidenceForm, url, evidence)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reporter.PostFormAsync(evidenceForm, url, evidence)).StatusCode);
        var refused = await reporter.PostFormAsync(evidenceForm, url, evidence);
        var message = await reporter.SubmitFormAsync(url, new Dictionary<string, string> { ["Message.Body"] = "Hej, jag har lagt till mer." },
            "#message-form");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("För många försök", (await refused.ReadPageAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, message.StatusCode);
    }

    [Fact]
    public async Task Anonymous_page_beyond_the_limit_gets_429_and_other_addresses_do_not()
    {
        var client = factory.PageClientAt("10.5.0.1");
        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/konto/valj-losenord")).StatusCode);
        var refused = await client.GetAsync("/konto/valj-losenord");
        var other = await factory.PageClientAt("10.5.0.2").GetAsync("/konto/valj-losenord");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Vänta", await refused.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task A_limit_opens_again_when_its_window_has_passed()
    {
        var monitor = factory.PageClientAt("10.6.0.1");
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/health")).StatusCode);
        var refused = await monitor.GetAsync("/health");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(RetryAfterSeconds(refused), 1, 2);

        await Task.Delay(TimeSpan.FromSeconds(RetryAfterSeconds(refused) + 1.5));

        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public void Every_anonymous_endpoint_has_a_rate_limit()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var unlimited = endpoints
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null && e.Metadata.GetMetadata<DisableRateLimitingAttribute>() is null)
            .Select(e => e.RoutePattern.RawText);
        Assert.Empty(unlimited);
        // The sign-in pages are limited as sign-in, not only as anonymous pages.
        var login = endpoints.Single(e => e.RoutePattern.RawText?.TrimStart('/') == "konto/logga-in");
        Assert.Equal("sign-in", login.Metadata.GetMetadata<EnableRateLimitingAttribute>()!.PolicyName);
    }
}
