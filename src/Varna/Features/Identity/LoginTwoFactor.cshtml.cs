using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Varna.Features.Identity;

[EnableRateLimiting(RateLimits.SignIn)]
[AllowAnonymous]
public sealed class LoginTwoFactorModel(SignInManager<User> signIn, IStringLocalizer<IdentityText> text) : PageModel
{
    [BindProperty] public CodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Validation.RequiredNamed"), StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.TotpCode"), Display(Name = "Field.TotpCode")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Login");
        if (!ModelState.IsValid) return Page();
        var code = Input.Code.Replace(" ", "").Replace("-", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        ModelState.AddModelError("Input.Code", text["TwoFactor.Failed"]);
        return Page();
    }
}
