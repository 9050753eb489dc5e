using Varna.Features.Demo;

namespace Varna.Features.Identity;

// Officers, admins, data protection officers and network coordinators must have TOTP outside
// demo mode. Until they set it up, every page sends them to the set-up page. A session that began
// with a passkey or with an identity provider trusted for two factors already is multi-factor
// (StrongSignIn), so it passes without TOTP.
public static class TwoFactorRequirement
{
    public const string SetupPath = "/konto/tvastegsverifiering";

    private static readonly PathString[] Allowed =
        [SetupPath, "/konto/logga-ut", "/konto/aterstallningskoder", "/sprak", "/fel", "/health", "/api", "/_content", "/css", "/js"];

    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true
                && !context.RequestServices.GetRequiredService<DemoMode>().Enabled
                && user.FindFirst(VarnaClaims.TwoFactorEnabled) is null
                && !StrongSignIn.IsStrong(user)
                && Roles.RequireTwoFactor.Any(user.IsInRole)
                && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p)))
            {
                context.Response.Redirect(SetupPath + "?krav=1");
                return;
            }
            await next();
        });
}
