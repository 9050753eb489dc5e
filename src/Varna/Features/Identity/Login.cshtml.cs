using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Varna.Features.Identity;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<User> signIn, IStringLocalizer<IdentityText> text) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool PasswordChosen { get; private set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.RequiredNamed"), EmailAddress(ErrorMessage = "Validation.Email"), Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.RequiredNamed"), DataType(DataType.Password), Display(Name = "Field.Password")]
        public string Password { get; set; } = "";
    }

    public void OnGet(bool losenordValt = false) => PasswordChosen = losenordValt;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
        if (result.RequiresTwoFactor) return RedirectToPage("LoginTwoFactor", new { ReturnUrl = SafeReturnUrl() });
        // One message for unknown account, wrong password and lockout, so the answer never tells
        // whether an address has an account.
        ModelState.AddModelError(string.Empty, text["Login.Failed"]);
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
