namespace Varna.Infrastructure;

// Programs get RFC 9457 problem details; people get the friendly error page in their language.
public static class StatusCodePages
{
    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app)
    {
        app.UseWhen(c => IsApi(c.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c.Request), pages =>
        {
            pages.UseExceptionHandler("/fel/500");
            pages.UseStatusCodePagesWithReExecute("/fel/{0}");
        });
        return app;
    }

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");
}
