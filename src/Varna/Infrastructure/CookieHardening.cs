using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Varna.Infrastructure;

// Every cookie Värna sets is HttpOnly (no script of ours reads a cookie), SameSite=Strict and,
// in Production, Secure. The cookie policy middleware applies this to any cookie, including ones
// added later, so a new cookie cannot forget it.
public static class CookieHardening
{
    // The cookies of a sign-in with an outside identity provider must come back on the provider's
    // cross-site redirect, so they keep their handler's own SameSite (None or Lax, and Secure). The
    // two-factor cookie is among them: after a one-factor provider it is set on that return and read
    // by the TOTP page the return redirects to, still within the provider's cross-site navigation.
    private static readonly string[] RoundTripCookies =
        [".AspNetCore.Correlation.", ".AspNetCore.OpenIdConnect.Nonce.", IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorUserIdScheme];

    // Production always marks cookies Secure: it runs behind HTTPS, also when TLS ends at a proxy
    // and the app itself sees plain HTTP. Elsewhere a cookie is Secure when its request was HTTPS,
    // so the demo (`dotnet run` on http://localhost) still signs in, while an HTTPS test or
    // staging server gets Secure cookies all the same.
    public static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public static WebApplicationBuilder AddCookieHardening(this WebApplicationBuilder builder)
    {
        var secure = SecurePolicy(builder.Environment);
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = secure;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.OnAppendCookie = c =>
            {
                if (!RoundTripCookies.Any(prefix => c.CookieName.StartsWith(prefix, StringComparison.Ordinal)))
                    c.CookieOptions.SameSite = SameSiteMode.Strict;
            };
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });
        builder.Services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });
        return builder;
    }
}
