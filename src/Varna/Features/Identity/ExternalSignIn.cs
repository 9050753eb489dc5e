using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Varna.Features.Identity;

// Where the identity provider's answer lands (through the OpenID Connect handler, which has already
// checked the code, PKCE, nonce and the id_token's signature). It maps the person to an EXISTING
// account and signs in through SignInManager; it never creates an account.
public sealed class ExternalSignIn(SignInManager<User> signIn, IOptions<OidcSettings> settings, Audit.AuditTrail audit)
{
    public const string Path = "/konto/logga-in/extern";
    // A link, not a form: the page's CSP has form-action 'self', which browsers also apply to the
    // redirect that follows a form post, so a posted form could not lead on to the provider.
    public const string StartPath = "/konto/logga-in/extern/start";

    public enum Outcome { Unknown, Deactivated, AlreadyLinked, Failed }

    // The sign-in page shows the message for the code in ?extern=.
    public static readonly IReadOnlyDictionary<Outcome, string> Codes = new Dictionary<Outcome, string>
    {
        [Outcome.Unknown] = "okand",
        [Outcome.Deactivated] = "avstangd",
        [Outcome.AlreadyLinked] = "annan-identitet",
        [Outcome.Failed] = "misslyckades",
    };

    public static string FailedUrl(Outcome outcome) => "/konto/logga-in?extern=" + Codes[outcome];

    public static void Map(IEndpointRouteBuilder app)
    {
        // Counted with the other sign-in attempts: each one starts or finishes a round trip to the provider.
        app.MapGet(StartPath, (ExternalSignIn handler, string? returnUrl) => handler.Start(returnUrl))
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).ExcludeFromDescription();
        app.MapGet(Path, (ExternalSignIn handler, HttpContext http, string? returnUrl) => handler.CompleteAsync(http, returnUrl))
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).ExcludeFromDescription();
    }

    public static string StartUrl(string? returnUrl) => StartPath + "?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(returnUrl));

    // Off to the identity provider; it comes back through the OpenID Connect handler to CompleteAsync.
    public IResult Start(string? returnUrl)
    {
        if (!settings.Value.IsConfigured) return Results.NotFound();
        var redirect = Path + "?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(returnUrl));
        return Results.Challenge(signIn.ConfigureExternalAuthenticationProperties(OidcSettings.Scheme, redirect), [OidcSettings.Scheme]);
    }

    private static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            && ReturnUrls.ForHeader(returnUrl) is { } safe ? safe : "/";

    public async Task<IResult> CompleteAsync(HttpContext http, string? returnUrl)
    {
        var target = SafeReturnUrl(returnUrl);
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return Results.Redirect(FailedUrl(Outcome.Failed));

        var result = await SignInAsync(http, info);
        if (!result.Succeeded && !result.RequiresTwoFactor && !result.IsLockedOut && !result.IsNotAllowed
            && settings.Value.MatchBy == OidcMatch.Email)
        {
            if (await LinkByEmailAsync(info) is { } refused) return await RefuseAsync(http, refused);
            result = await SignInAsync(http, info);
        }

        if (result.Succeeded) return Results.LocalRedirect(target);
        if (result.RequiresTwoFactor) return Results.LocalRedirect("/konto/logga-in/tvastegs?ReturnUrl=" + Uri.EscapeDataString(target));
        if (result.IsLockedOut)
        {
            var user = await signIn.UserManager.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
            return await RefuseAsync(http, user?.IsDeactivated == true ? Outcome.Deactivated : Outcome.Failed);
        }
        return await RefuseAsync(http, result.IsNotAllowed ? Outcome.Failed : Outcome.Unknown);
    }

    private Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(HttpContext http, ExternalLoginInfo info)
    {
        var strong = settings.Value.SatisfiesTwoFactor;
        if (strong) StrongSignIn.Mark(http, StrongSignIn.ExternalProvider);
        return signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: strong);
    }

    // Only a verified address of an active account, and only if that account is not already tied to
    // another person at the same provider (an address can be handed on to someone else).
    private async Task<Outcome?> LinkByEmailAsync(ExternalLoginInfo info)
    {
        var users = signIn.UserManager;
        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        var verified = info.Principal.FindFirstValue("email_verified");
        if (string.IsNullOrWhiteSpace(email) || string.Equals(verified, "false", StringComparison.OrdinalIgnoreCase)) return Outcome.Unknown;
        if (await users.FindByEmailAsync(email.Trim()) is not { } user) return Outcome.Unknown;
        if (user.IsDeactivated) return Outcome.Deactivated;
        if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == info.LoginProvider)) return Outcome.AlreadyLinked;
        var added = await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, settings.Value.DisplayName));
        if (!added.Succeeded) return Outcome.Failed;
        // From now on this identity at the provider opens the account: the DPO must be able to see when that began.
        await audit.WriteAsync(Audit.AuditActor.Of(user), Audit.AuditAction.ExternalLoginLinked, target: "user:" + user.Id, detail: info.LoginProvider);
        return null;
    }

    private static async Task<IResult> RefuseAsync(HttpContext http, Outcome outcome)
    {
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        return Results.Redirect(FailedUrl(outcome));
    }
}
