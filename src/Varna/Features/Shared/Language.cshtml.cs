using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Localization;

namespace Varna.Features.Shared;

// The language switch is a plain form post, so it works without JavaScript, and the choice is
// remembered in a cookie for a year.
[EnableRateLimiting(RateLimits.Anonymous)]
[AllowAnonymous]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (culture is null || !Localisation.Supported.Contains(culture)) culture = Localisation.Swedish;
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps });
        return LocalRedirect(Url.LocalOrHome(returnUrl));
    }
}
