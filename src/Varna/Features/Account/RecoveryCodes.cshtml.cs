using Microsoft.AspNetCore.Identity;
using Varna.Features.Audit;

namespace Varna.Features.Account;

// New recovery codes travel to this page once, in TempData (an encrypted cookie), and are shown
// on that one GET. Identity keeps them for sign-in; this page never stores them anywhere else.
public sealed class RecoveryCodesModel(UserManager<User> users, AuditTrail audit, IStringLocalizer<AccountText> text) : PageModel
{
    public const string TempDataKey = "NewRecoveryCodes";

    [TempData] public string? StatusMessage { get; set; }
    [TempData(Key = TempDataKey)] public string? NewRecoveryCodes { get; set; }

    public bool TwoFactorEnabled { get; private set; }
    public IReadOnlyList<string> Codes { get; private set; } = [];
    public int CodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        TwoFactorEnabled = user.TwoFactorEnabled;
        if (TwoFactorEnabled && !string.IsNullOrEmpty(NewRecoveryCodes))
        {
            Codes = NewRecoveryCodes.Split('\n');
            Response.Headers.CacheControl = "no-store";
        }
        if (TwoFactorEnabled) CodesLeft = await users.CountRecoveryCodesAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage("TwoFactor");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorModel.RecoveryCodeCount) ?? [];
        await audit.WriteAsync(AuditAction.TwoFactorChanged, detail: "recovery_codes_regenerated");
        NewRecoveryCodes = string.Join('\n', codes);
        StatusMessage = text["Recovery.Generated"];
        return RedirectToPage();
    }
}
