using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Varna.Features.Audit;
using Varna.Features.Demo;

namespace Varna.Features.Account;

// Set-up, reset and switch-off of TOTP, all through Identity's own authenticator support.
// Every change rotates the security stamp, so each one re-issues this session's cookie.
public sealed class TwoFactorModel(
    UserManager<User> users, SignInManager<User> signIn, DemoMode demo, AuditTrail audit,
    IStringLocalizer<IdentityText> identityText, IStringLocalizer<AccountText> text) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty] public CodeInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    [TempData(Key = RecoveryCodesModel.TempDataKey)] public string? NewRecoveryCodes { get; set; }

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Validation.RequiredNamed"), StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.TotpCode"), Display(Name = "Field.TotpCode")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage();
        if (ModelState.IsValid)
        {
            var code = Input.Code.Replace(" ", "").Replace("-", "");
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                await audit.WriteAsync(AuditAction.TwoFactorChanged, detail: "totp_enabled");
                var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
                NewRecoveryCodes = string.Join('\n', codes);
                await signIn.RefreshSignInAsync(user);
                StatusMessage = text["TwoFactor.Enabled"];
                return RedirectToPage("RecoveryCodes");
            }
            ModelState.AddModelError("Input.Code", identityText["TwoFactor.Failed"]);
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.WriteAsync(AuditAction.TwoFactorChanged, detail: "totp_reset");
        await signIn.RefreshSignInAsync(user);
        StatusMessage = text["TwoFactor.ResetDone"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await RoleRequiresTwoFactorAsync(user))
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, text["TwoFactor.DisableRefused"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A fresh key on the next set-up, so a phone that was registered before stops mattering.
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.WriteAsync(AuditAction.TwoFactorChanged, detail: "totp_disabled");
        await signIn.RefreshSignInAsync(user);
        StatusMessage = text["TwoFactor.Disabled"];
        return RedirectToPage();
    }

    private async Task<bool> RoleRequiresTwoFactorAsync(User user) =>
        !demo.Enabled && (await users.GetRolesAsync(user)).Any(Roles.RequireTwoFactor.Contains);

    private async Task LoadAsync(User user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await RoleRequiresTwoFactorAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = Authenticator.FormatKey(key);
        QrCodeDataUri = Authenticator.QrCodeDataUri(Authenticator.OtpAuthUri(key, user.Email ?? user.UserName ?? ""));
        // The key is a secret: keep it out of shared caches and the browser's back-forward cache.
        Response.Headers.CacheControl = "no-store";
    }
}
