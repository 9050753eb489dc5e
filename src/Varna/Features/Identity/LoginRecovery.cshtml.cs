using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Varna.Features.Identity;

[EnableRateLimiting(RateLimits.SignIn)]
[AllowAnonymous]
public sealed class LoginRecoveryModel(SignInManager<User> signIn, IStringLocalizer<IdentityText> text) : PageModel
{
    [BindProperty] public RecoveryInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class RecoveryInput
    {
        [Required(ErrorMessage = "Validation.RequiredNamed"), StringLength(20, ErrorMessage = "Validation.MaxLength"), Display(Name = "Field.RecoveryCode")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Login");
        if (!ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", ""));
        if (result.Succeeded) return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        ModelState.AddModelError("Input.Code", text["Recovery.Failed"]);
        return Page();
    }
}
