using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Varna.Features.Identity;

[EnableRateLimiting(RateLimits.SignIn)]
[SignInForm("Input.Email")]
[AllowAnonymous]
public sealed class LoginModel(SignInManager<User> signIn, IOptions<OidcSettings> oidc, IStringLocalizer<IdentityText> text) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool PasswordChosen { get; private set; }
    public string? ExternalProviderName => oidc.Value.IsConfigured ? oidc.Value.DisplayName : null;
    public string ExternalStartUrl => ExternalSignIn.StartUrl(SafeReturnUrl());

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
        // The identity provider's answer could not be mapped to an account (ExternalSignIn).
        var code = Request.Query["extern"].ToString();
        if (ExternalSignIn.Codes.FirstOrDefault(c => c.Value == code) is { Value: not null } outcome)
            ModelState.AddModelError(string.Empty, text["External." + outcome.Key, ExternalProviderName ?? ""]);
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
        if (!Url.IsLocalUrl(ReturnUrl) || ReturnUrls.ForHeader(ReturnUrl) is not { } target) return;
        Response.Headers["Refresh"] = "0; url=" + target;
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

    // Step 1 of a passkey sign-in (called by wwwroot/js/passkeys.js): the WebAuthn request options.
    // Any passkey of this site may answer (discoverable credentials), so no e-mail address is asked.
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    // Step 2: the browser's signed answer, posted as an ordinary form field.
    public async Task<IActionResult> OnPostPasskeyAsync([FromForm] string? credential)
    {
        ModelState.Clear();
        if (!string.IsNullOrWhiteSpace(credential))
        {
            StrongSignIn.Mark(HttpContext, StrongSignIn.Passkey);
            try
            {
                var result = await signIn.PasskeySignInAsync(credential);
                if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
            }
            catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or FormatException)
            {
                // No passkey sign-in was under way (expired, or the options step was skipped).
            }
        }
        ModelState.AddModelError(string.Empty, text["Login.PasskeyFailed"]);
        return Page();
    }

    private string SafeReturnUrl() => Url.LocalOrHome(ReturnUrl);
}
