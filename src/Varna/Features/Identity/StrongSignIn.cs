using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Varna.Features.Identity;

// A sign-in that is itself multi-factor: a passkey (a key held on a device, unlocked with a PIN or
// biometrics, bound to this site so it cannot be phished) or an identity provider that the
// deployment says checks two factors (e.g. BankID). Such a session meets the two-factor requirement
// of the staff roles without TOTP. The page signing in says so before calling SignInManager; the
// mark then lives in the ticket's properties, so re-issued cookies (refresh, 2FA changes) keep it.
public static class StrongSignIn
{
    public const string Passkey = "passkey";
    public const string ExternalProvider = "external";

    private const string ItemKey = "varna:strong-sign-in";

    public static void Mark(HttpContext context, string method) => context.Items[ItemKey] = method;

    public static bool IsStrong(ClaimsPrincipal user) => user.FindFirst(VarnaClaims.StrongSignIn) is not null;

    internal static void Apply(HttpContext context, AuthenticationProperties properties, ClaimsPrincipal principal)
    {
        if (context.Items[ItemKey] is string method) properties.Items[ItemKey] = method;
        if (properties.Items.TryGetValue(ItemKey, out var kept) && kept is not null)
            AddClaim(principal, kept);
    }

    // The security stamp check rebuilds the principal from the database every minute: keep the mark.
    internal static Task CarryOver(Microsoft.AspNetCore.Identity.SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(VarnaClaims.StrongSignIn) is { } claim && context.NewPrincipal is not null)
            AddClaim(context.NewPrincipal, claim.Value);
        return Task.CompletedTask;
    }

    private static void AddClaim(ClaimsPrincipal principal, string method)
    {
        if (principal.Identity is ClaimsIdentity identity && identity.FindFirst(VarnaClaims.StrongSignIn) is null)
            identity.AddClaim(new Claim(VarnaClaims.StrongSignIn, method));
    }
}
