using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Varna.Infrastructure;

public static class WebSetup
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        // Write å, ä and ö as themselves rather than as numeric character references.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<VarnaOptions>().BindConfiguration(VarnaOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.ConfigureFilter(new UnknownPageHandler());
            })
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedText)));
        builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>(LocalisedBindingMessages.Apply);

        builder.AddSecurityHeaders();
        builder.AddCookieHardening();
        builder.AddRateLimits();

        builder.Services.AddProblemDetails();
        // Bad bodies throw, so that BadRequestProblems can answer with the field's name.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestProblems>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower)));

        // Fail closed: every endpoint needs a signed-in user unless it says otherwise.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        // First of all, so that everything after sees the client's address and scheme.
        app.UseReverseProxy();
        // Outermost, so that error pages, 404s and 429s get the headers and cookie rules too.
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        app.UseErrorResponses();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseTwoFactorRequirement();
        app.UseAuthorization();
        app.UseRateLimits();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous().RequireRateLimiting(RateLimits.Anonymous);
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous().RequireRateLimiting(RateLimits.Health);
        return app;
    }
}
