using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Varna.Features.Account;

// The account's passkeys: add (with wwwroot/js/passkeys.js, which WebAuthn needs), name, list and
// remove. Listing, renaming and removing work without JavaScript.
public sealed class PasskeysModel(UserManager<User> users, SignInManager<User> signIn, Audit.AuditTrail audit, IStringLocalizer<AccountText> text) : PageModel
{
    public const int NameMaxLength = 100;

    [BindProperty] public AddInput Add { get; set; } = new();
    [BindProperty] public RenameInput Rename { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt, bool BackedUp);

    public sealed class AddInput
    {
        [Required(ErrorMessage = "Validation.RequiredNamed"), StringLength(NameMaxLength, ErrorMessage = "Validation.TooLong"), Display(Name = "Field.PasskeyName")]
        public string Name { get; set; } = "";
        public string? Credential { get; set; }
    }

    public sealed class RenameInput
    {
        public string Id { get; set; } = "";
        [Required(ErrorMessage = "Validation.RequiredNamed"), StringLength(NameMaxLength, ErrorMessage = "Validation.TooLong"), Display(Name = "Field.PasskeyName")]
        public string Name { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    // Step 1 of adding (called by passkeys.js): the WebAuthn creation options for this account.
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = user.Email ?? user.UserName ?? user.Id.ToString(),
            DisplayName = user.DisplayName,
        });
        return Content(options, "application/json");
    }

    // Step 2: the browser's new credential, posted with the name the person chose.
    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        KeepErrorsOf("Add");
        if (ModelState.IsValid)
        {
            if (await AttestAsync(user) is { } passkey)
            {
                passkey.Name = Add.Name.Trim();
                var saved = await users.AddOrUpdatePasskeyAsync(user, passkey);
                if (saved.Succeeded)
                {
                    // A new way into the account: logged like a two-factor change.
                    await audit.WriteAsync(Audit.AuditAction.PasskeyChanged, target: "user:" + user.Id, detail: "added");
                    StatusMessage = text["Passkeys.Added", passkey.Name];
                    return RedirectToPage();
                }
                ModelState.AddModelError("Add.Credential", text["Passkeys.AddFailed"]);
            }
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        KeepErrorsOf("Rename");
        var passkey = CredentialId(Rename.Id) is { } id ? await users.GetPasskeyAsync(user, id) : null;
        if (passkey is null) return NotFound();
        if (ModelState.IsValid)
        {
            passkey.Name = Rename.Name.Trim();
            await users.AddOrUpdatePasskeyAsync(user, passkey);
            StatusMessage = text["Passkeys.Renamed", passkey.Name];
            return RedirectToPage();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var passkey = CredentialId(id) is { } credentialId ? await users.GetPasskeyAsync(user, credentialId) : null;
        if (passkey is null) return NotFound();
        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await audit.WriteAsync(Audit.AuditAction.PasskeyChanged, target: "user:" + user.Id, detail: "removed");
        StatusMessage = text["Passkeys.Removed", passkey.Name ?? ""];
        return RedirectToPage();
    }

    private async Task<UserPasskeyInfo?> AttestAsync(User user)
    {
        if (string.IsNullOrWhiteSpace(Add.Credential))
        {
            ModelState.AddModelError("Add.Credential", text["Passkeys.NoCredential"]);
            return null;
        }
        try
        {
            var result = await signIn.PerformPasskeyAttestationAsync(Add.Credential);
            if (result.Succeeded && result.UserEntity.Id == user.Id.ToString()) return result.Passkey;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or FormatException)
        {
            // No attestation under way (expired, another tab, or the options step was skipped).
        }
        ModelState.AddModelError("Add.Credential", text["Passkeys.AttestationFailed"]);
        return null;
    }

    // Each form posts only its own fields; the other form's model binds empty (and, with nothing
    // under its prefix, without one), so only the posted form's errors count.
    private void KeepErrorsOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".")).ToList()) ModelState.Remove(key);
    }

    private async Task LoadAsync(User user)
    {
        Passkeys = (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? text["Passkeys.Unnamed"], p.CreatedAt, p.IsBackedUp))
            .ToList();
    }

    private static byte[]? CredentialId(string? id)
    {
        try { return string.IsNullOrEmpty(id) ? null : WebEncoders.Base64UrlDecode(id); }
        catch (FormatException) { return null; }
    }
}
