namespace Varna.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
// It answers for a refused request too (429), so it must never be refused itself.
[Microsoft.AspNetCore.RateLimiting.DisableRateLimiting]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string TextKey { get; private set; } = "Error.Text";
    public object[] TextArguments { get; private set; } = [];

    public void OnGet(int code) => Describe(code);

    // A failed form post re-executes here as POST, so the same page answers it.
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (TitleKey, TextKey) = code switch
        {
            404 => ("Error.NotFoundTitle", "Error.NotFoundText"),
            403 => ("Error.ForbiddenTitle", "Error.ForbiddenText"),
            400 => ("Error.BadRequestTitle", "Error.BadRequestText"),
            429 => ("Error.TooManyTitle", RateLimitRejection.MinutesToWait(Response) == 1 ? "Error.TooManyTextOneMinute" : "Error.TooManyText"),
            _ => ("Error.Title", "Error.Text"),
        };
        if (code == 429) TextArguments = [RateLimitRejection.MinutesToWait(Response)];
        // Keep the original status when this page is shown for one; a direct visit is a 404 page.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null)
            Response.StatusCode = code is >= 400 and < 600 ? code : 404;
    }
}
