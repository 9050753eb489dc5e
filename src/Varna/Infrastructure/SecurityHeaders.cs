using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Varna.Infrastructure;

// Every response (pages, API, static files, 404s, error pages, 429s) gets the same browser
// hardening. The headers are written just before the response starts, from the outermost
// middleware: the exception handler clears headers set earlier, and a header written here is
// written after anything the inner pipeline did.
public static class SecurityHeaders
{
    // Everything the pages need is served by the app itself, so the policy can be strict:
    // no third-party origins, no inline script, no framing.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    // Nothing in Värna uses a device or a tracking API. Passkeys (WebAuthn) are the one
    // exception and only for Värna itself.
    private static readonly string PermissionsPolicy = string.Join(", ",
        "accelerometer=()", "autoplay=()", "bluetooth=()", "browsing-topics=()", "camera=()", "display-capture=()",
        "encrypted-media=()", "fullscreen=()", "geolocation=()", "gyroscope=()", "hid=()", "idle-detection=()",
        "local-fonts=()", "magnetometer=()", "microphone=()", "midi=()", "otp-credentials=()", "payment=()",
        "picture-in-picture=()", "screen-wake-lock=()", "serial=()", "usb=()", "window-management=()",
        "xr-spatial-tracking=()", "publickey-credentials-create=(self)", "publickey-credentials-get=(self)");

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        // A year, without includeSubDomains or preload: other services on the municipality's domain
        // are not ours to pin to HTTPS. localhost stays excluded (the framework's default), so
        // trying Värna locally over HTTPS does not pin every other local site to HTTPS.
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var policy = ContentSecurityPolicy + "; form-action " + FormTargets(app.Configuration);
        // HSTS as UseHsts would send it, but from here so that error responses carry it too.
        var hsts = app.Environment.IsDevelopment() ? null : app.Services.GetRequiredService<IOptions<HstsOptions>>().Value;
        var hstsValue = hsts is null ? null : $"max-age={(long)hsts.MaxAge.TotalSeconds}"
            + (hsts.IncludeSubDomains ? "; includeSubDomains" : "") + (hsts.Preload ? "; preload" : "");

        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                if (hstsValue is not null && context.Request.IsHttps
                    && !hsts!.ExcludedHosts.Contains(context.Request.Host.Host, StringComparer.OrdinalIgnoreCase))
                    headers.StrictTransportSecurity = hstsValue;
                if (!IsStaticAsset(context) || context.Response.StatusCode >= 400)
                {
                    // Case data must not stay in a browser's or a proxy's cache; Pragma and
                    // Expires (which the exception handler adds) are obsolete beside this.
                    headers.CacheControl = "no-store";
                    headers.Remove("Pragma");
                    headers.Remove("Expires");
                }
                return Task.CompletedTask;
            });
            await next();
        });
    }

    // /css and the other build-time assets are the same for everyone and carry their own caching.
    private static bool IsStaticAsset(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null;

    // A form may post only to Värna; signing in with the organisation's OpenID provider posts a
    // form that redirects there, and browsers apply form-action to that redirect too.
    private static string FormTargets(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Authentication:Oidc:Authority"], UriKind.Absolute, out var authority)
            ? $"'self' {authority.GetLeftPart(UriPartial.Authority)}"
            : "'self'";
}
