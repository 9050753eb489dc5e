using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Varna.Features.Identity;

[EnableRateLimiting(RateLimits.SignIn)]
[SignInForm("Input.Email")]
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

    public void OnGet(bool losenordValt = false)
    {
        PasswordChosen = losenordValt;
        SameSiteRetry();
    }

    // The sign-in cookie is SameSite=Strict, so a link followed from another site (a webmail, or an
    // identity provider's redirect back) arrives without it and a signed-in person lands here.
    // Sending the browser on to the same address once more, from this page, is a same-site
    // navigation that carries the cookie: a signed-in person reaches the page they wanted; anyone
    // else comes back here, now same-site (so no loop), and signs in, which returns them there.
    private void SameSiteRetry()
    {
        if (Request.Headers["Sec-Fetch-Site"] != "cross-site") return;
        if (!Url.IsLocalUrl(ReturnUrl) || ReturnUrl.Any(char.IsControl)) return;
        Response.Headers["Refresh"] = "0; url=" + ReturnUrl;
    }

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
