namespace Varna.Features.Errors;

public static class ErrorsRegistration
{
    // Any path nothing else answers gets the 404 page (pages) or problem details (API).
    public static WebApplication MapErrors(this WebApplication app)
    {
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
