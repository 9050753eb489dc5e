using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Varna.Features.Identity;

// Sets each new session's lifetime by who signs in (SessionOptions) and keeps the mark of a strong
// sign-in (StrongSignIn) when the cookie is re-issued.
public static class SessionLifetime
{
    public static bool IsStaff(ClaimsPrincipal principal) => Roles.Staff.Any(principal.IsInRole);

    public static Task OnSigningIn(CookieSigningInContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SessionOptions>>().Value;
        var principal = context.Principal!;
        var staff = IsStaff(principal);
        var issued = context.Properties.IssuedUtc ?? context.Options.TimeProvider!.GetUtcNow();
        context.Properties.ExpiresUtc = issued + (staff ? options.StaffIdleTimeout : options.RepresentativeSlidingTimeout);
        context.Properties.AllowRefresh = true;
        // A representative stays signed in on their own phone across browser restarts; staff never do.
        context.Properties.IsPersistent = !staff;
        StrongSignIn.Apply(context.HttpContext, context.Properties, principal);
        return Task.CompletedTask;
    }
}
