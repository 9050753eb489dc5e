using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Varna.Tests.Account;

namespace Varna.Tests.Identity;

// Demo mode off (two-factor enforced for staff), with sign-in through the in-test provider configured
// as a deployment would: match by e-mail, and the provider counts as two factors (like BankID).
public class OidcFactory : VarnaFactory
{
    protected virtual bool SatisfiesTwoFactor => true;

    public const string ProviderName = "BankID via e-legitimationsbroker";

    public OidcTestProvider Provider { get; } = OidcTestProvider.Start();
    protected override bool DemoEnabled => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Authentication:Oidc:Authority", Provider.Authority);
        builder.UseSetting("Authentication:Oidc:ClientId", OidcTestProvider.ClientId);
        builder.UseSetting("Authentication:Oidc:ClientSecret", OidcTestProvider.ClientSecret);
        builder.UseSetting("Authentication:Oidc:DisplayName", ProviderName);
        builder.UseSetting("Authentication:Oidc:MatchBy", "email");
        builder.UseSetting("Authentication:Oidc:SatisfiesTwoFactor", SatisfiesTwoFactor ? "true" : "false");
        builder.UseSetting("Authentication:Oidc:RequireHttpsMetadata", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Provider.Dispose();
    }
}

public static class OidcFlow
{
    // The browser's round trip: the app's sign-in page -> the provider (real HTTP on loopback) ->
    // the app's callback -> the app's account mapping. Returns where the app finally sends the browser.
    public static async Task<(HttpClient Client, string Location)> SignInThroughProviderAsync(OidcFactory factory, OidcTestUser person)
    {
        factory.Provider.NextUser = person;
        var client = factory.CreatePageClient();
        var login = await client.GetPageAsync("/konto/logga-in");
        var link = login.QuerySelector("#external-sign-in a")!;
        Assert.Equal($"Logga in med {OidcFactory.ProviderName}", link.TextContent.Trim());

        var challenge = await client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(factory.Provider.Authority + "/authorize", authorize.ToString());
        Assert.Contains("code_challenge_method=S256", authorize.Query);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var approved = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var callback = approved.Headers.Location!;
        Assert.Equal("localhost", callback.Host);

        var mapped = await client.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        Assert.StartsWith("/konto/logga-in/extern", mapped.Headers.Location!.OriginalString);
        var final = await client.GetAsync(mapped.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, final.StatusCode);
        return (client, final.Headers.Location!.OriginalString);
    }

}

// A provider that checks only a password: it is one factor, so TOTP follows as after a password.
public sealed class OneFactorOidcFactory : OidcFactory
{
    protected override bool SatisfiesTwoFactor => false;
}
