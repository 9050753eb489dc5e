using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Varna.Features.Audit;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Varna.Features.Identity;

// Identity's sign-in manager with every sign-in, failed sign-in and sign-out written to the audit
// log. SignInWithClaimsAsync is where every successful sign-in ends (password, second factor,
// recovery code, passkey, external provider), so one override covers them all. Each line is
// written before the cookie is issued or removed: if the log cannot be written, nothing happens.
public sealed class AuditingSignInManager(
    UserManager<User> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<User>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation, AuditTrail audit)
    : SignInManager<User>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // The address as typed on the sign-in form, kept for the failure line (this manager is scoped).
    private string? typedName;
    // A refresh re-issues the cookie after a change (2FA, roles); the person did not sign in again.
    private bool refreshing;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        typedName = userName;
        if (await UserManager.FindByNameAsync(userName) is { } user)
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        // No such account: the line goes to the chain of no organisation, with the address typed.
        await audit.WriteAsync(new AuditActor(null, userName, null), AuditAction.SignInFailed, detail: "unknown_account");
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(User user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (!result.Succeeded) await FailedAsync(user, "password", result);
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (!result.Succeeded && await GetTwoFactorAuthenticationUserAsync() is { } user) await FailedAsync(user, "totp", result);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (!result.Succeeded && await GetTwoFactorAuthenticationUserAsync() is { } user) await FailedAsync(user, "recovery_code", result);
        return result;
    }

    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        var result = await base.PasskeySignInAsync(credentialJson);
        // An unrecognised passkey names no account, so the line belongs to no organisation.
        if (!result.Succeeded) await audit.WriteAsync(new AuditActor(null, null, null), AuditAction.SignInFailed, detail: "passkey:" + Outcome(result));
        return result;
    }

    public override async Task SignInWithClaimsAsync(User user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        if (!refreshing)
        {
            var method = claims.FirstOrDefault(c => c.Type is "amr" or ClaimTypes.AuthenticationMethod)?.Value;
            await audit.WriteAsync(AuditActor.Of(user), AuditAction.SignIn, detail: method);
        }
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    public override async Task RefreshSignInAsync(User user)
    {
        refreshing = true;
        try { await base.RefreshSignInAsync(user); }
        finally { refreshing = false; }
    }

    public override async Task SignOutAsync()
    {
        if (Context.User.Identity?.IsAuthenticated == true) await audit.WriteAsync(AuditActor.Of(Context.User), AuditAction.SignOut);
        await base.SignOutAsync();
    }

    private Task FailedAsync(User user, string step, SignInResult result) =>
        audit.WriteAsync(AuditActor.Of(user) with { Name = typedName ?? user.Email ?? user.UserName }, AuditAction.SignInFailed,
            detail: step + ":" + Outcome(result));

    private static string Outcome(SignInResult result) =>
        result.IsLockedOut ? "locked_out" : result.IsNotAllowed ? "not_allowed" : "failed";
}
