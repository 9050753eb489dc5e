namespace Varna.Features.Errors;

public static class ErrorsRegistration
{
    // Any path nothing else answers gets the 404 page (pages) or problem details (API).
    public static WebApplication MapErrors(this WebApplication app)
    {
        app.MapFallback(NotFound).AllowAnonymous().RequireRateLimiting(RateLimits.Anonymous);
        // The default fallback leaves out paths that look like files ("x.json", "..%2Fetc"): under
        // /api they were challenged to the sign-in page (302) instead of answering 404 problem
        // details (found by the fuzz test).
        app.MapFallback("/api/{**path}", NotFound).AllowAnonymous().RequireRateLimiting(RateLimits.Anonymous);
        return app;
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = IsUnsupportedApiBody(context.Request)
            ? StatusCodes.Status415UnsupportedMediaType
            : StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    // Routing drops a JSON endpoint when the body is sent as something else, and this fallback
    // then wins instead of the framework's 415. The API reads only JSON and multipart bodies, so
    // any other body on an API path is answered 415, which is what the client needs to hear.
    private static bool IsUnsupportedApiBody(HttpRequest request) =>
        StatusCodePages.IsApi(request)
        && request.ContentType is { Length: > 0 }
        && !request.HasJsonContentType()
        && !request.HasFormContentType;
}
