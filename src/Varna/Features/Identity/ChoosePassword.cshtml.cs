using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Varna.Features.Identity;

// Where an invitation (or a CLI-made account's) one-time link lands.
[EnableRateLimiting(RateLimits.Anonymous)]
[AllowAnonymous]
public sealed class ChoosePasswordModel(UserManager<User> users, IStringLocalizer<IdentityText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "anvandare")] public Guid UserId { get; set; }
    [BindProperty(SupportsGet = true, Name = "kod")] public string? Code { get; set; }
    [BindProperty] public PasswordInput Input { get; set; } = new();
    public bool LinkInvalid { get; private set; }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Validation.RequiredNamed"), DataType(DataType.Password), Display(Name = "Field.NewPassword")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.RequiredNamed"), DataType(DataType.Password), Display(Name = "Field.ConfirmPassword"),
         Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        public string Confirm { get; set; } = "";
    }

    public async Task OnGetAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        LinkInvalid = user is null || string.IsNullOrEmpty(Code)
            || !await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, UserManager<User>.ResetPasswordTokenPurpose, Code);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null || string.IsNullOrEmpty(Code)) { LinkInvalid = true; return Page(); }
        if (!ModelState.IsValid) return Page();

        var result = await users.ResetPasswordAsync(user, Code, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.InvalidToken)) LinkInvalid = true;
                else ModelState.AddModelError("Input.Password", text["Password." + error.Code]);
            }
            return Page();
        }
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        return RedirectToPage("Login", new { losenordValt = true });
    }
}
