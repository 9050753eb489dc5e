namespace Varna.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string TextKey { get; private set; } = "Error.Text";

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
            _ => ("Error.Title", "Error.Text"),
        };
        // Keep the original status when this page is shown for one; a direct visit is a 404 page.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null)
            Response.StatusCode = code is >= 400 and < 600 ? code : 404;
    }
}
