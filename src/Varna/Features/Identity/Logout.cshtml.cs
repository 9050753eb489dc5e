using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace Varna.Features.Identity;

// GET asks for confirmation (a link must not sign anyone out); POST signs out.
[EnableRateLimiting(RateLimits.Anonymous)]
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<User> signIn) : PageModel
{
    public bool SignedOut { get; private set; }

    public void OnGet() => SignedOut = User.Identity?.IsAuthenticated != true;

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("Logout");
    }
}
