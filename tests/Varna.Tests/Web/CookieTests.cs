using Microsoft.AspNetCore.Mvc.Testing;
using Varna.Tests.Reports;

namespace Varna.Tests.Web;

public sealed class CookieTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private static string SetCookie(HttpResponseMessage response, string namePrefix) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Single(c => c.StartsWith(namePrefix, StringComparison.Ordinal))
            : throw new Xunit.Sdk.XunitException($"No Set-Cookie for {namePrefix}.");

    private static string[] Attributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToArray();

    private async Task<(HttpResponseMessage Page, HttpResponseMessage SignedIn)> SignInAsync(HttpClient client)
    {
        var page = await client.GetAsync("/konto/logga-in");
        var signedIn = await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.Officer,
            ["Input.Password"] = Demo.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (page, signedIn);
    }

    [Fact]
    public async Task Over_https_the_sign_in_and_antiforgery_cookies_are_Secure_HttpOnly_and_SameSite_Strict()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var (page, signedIn) = await SignInAsync(client);

        foreach (var cookie in new[] { SetCookie(page, ".AspNetCore.Antiforgery."), SetCookie(signedIn, "varna.auth=") })
        {
            var attributes = Attributes(cookie);
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains("samesite=strict", attributes);
        }
    }

    [Fact]
    public async Task Over_plain_http_outside_production_cookies_are_strict_but_not_Secure_so_the_local_demo_signs_in()
    {
        var (page, signedIn) = await SignInAsync(factory.CreatePageClient());

        foreach (var cookie in new[] { SetCookie(page, ".AspNetCore.Antiforgery."), SetCookie(signedIn, "varna.auth=") })
        {
            var attributes = Attributes(cookie);
            Assert.DoesNotContain("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains("samesite=strict", attributes);
        }
    }

    [Fact]
    public async Task Language_and_status_message_cookies_are_HttpOnly_and_SameSite_Strict()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var language = await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>(), "form.language-switch");
        await SignInAsync(client);
        var saved = await client.SubmitFormAsync("/konto/api-nycklar", new Dictionary<string, string> { ["Input.Name"] = "Testnyckel" });

        foreach (var cookie in new[] { SetCookie(language, ".AspNetCore.Culture="), SetCookie(saved, ".AspNetCore.Mvc.CookieTempDataProvider=") })
        {
            var attributes = Attributes(cookie);
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains("samesite=strict", attributes);
        }
    }

    // A browser does not send a SameSite=Strict cookie with a navigation that starts on another
    // site (a case link in a webmail), so a signed-in officer arrives as if signed out. The sign-in
    // page then sends the browser on to the case once more (Refresh), which is a same-site
    // navigation and carries the cookie; a person who is not signed in signs in and is returned.
    [Fact]
    public async Task A_case_link_followed_from_another_site_lands_on_sign_in_which_goes_on_to_the_case()
    {
        var report = await (await factory.ApiClientAsync(Demo.Representative)).SubmitReportAsync();
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == report.Id()).Select(r => r.CaseId).SingleAsync());
        var browser = factory.CreatePageClient();

        var arrival = await browser.GetAsync($"/arenden/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, arrival.StatusCode);
        var signInUrl = arrival.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/konto/logga-in?ReturnUrl=", signInUrl);

        var crossSite = new HttpRequestMessage(HttpMethod.Get, signInUrl) { Headers = { { "Sec-Fetch-Site", "cross-site" } } };
        var retry = await browser.SendAsync(crossSite);
        Assert.Equal($"0; url=/arenden/{caseId}", retry.Headers.GetValues("Refresh").Single());

        // The retry is same-site; without a sign-in cookie it comes back here, and no retry loops.
        var sameSite = new HttpRequestMessage(HttpMethod.Get, signInUrl) { Headers = { { "Sec-Fetch-Site", "same-origin" } } };
        Assert.False((await browser.SendAsync(sameSite)).Headers.Contains("Refresh"));

        var signedIn = await browser.SubmitFormAsync(signInUrl, new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.Officer,
            ["Input.Password"] = Demo.Password,
        });
        Assert.Equal($"/arenden/{caseId}", signedIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/arenden/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_page_never_sends_the_browser_on_to_another_site()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/konto/logga-in?ReturnUrl=%2F%2Fevil.example%2F") { Headers = { { "Sec-Fetch-Site", "cross-site" } } };

        var response = await factory.CreatePageClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Refresh"));
    }
}
