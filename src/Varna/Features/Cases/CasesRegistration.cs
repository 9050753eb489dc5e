namespace Varna.Features.Cases;

public static class CasesRegistration
{
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseQueries>();
        builder.Services.AddScoped<CaseChanges>();
        builder.Services.AddScoped<PolicePackageQueries>();
        builder.Services.AddScoped<PolicePackageDocument>();
        builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>().Configure(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Cases");
            pages.Conventions.AddFolderApplicationModelConvention("/Cases", page => page.Filters.Add(new OfficersOnlyPageFilter()));
            // Every read, change, export and download of a case is audited (Features/Audit).
            pages.Conventions.AddFolderApplicationModelConvention("/Cases", page => page.Filters.Add(new Audit.CaseAuditPageFilter()));
        });
        builder.Services.AddScoped<CaseClock>();
        builder.Services.AddOptions<CaseClockOptions>().BindConfiguration(CaseClockOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Tests switch the minute-by-minute job off and run CaseClock themselves on a fake clock.
        if (builder.Configuration.GetValue("Cases:ClockEnabled", true)) builder.Services.AddHostedService<CaseClockWorker>();
        return builder;
    }

    public static WebApplication MapCases(this WebApplication app)
    {
        app.MapGroup("/api/v1/cases")
            .RequireAuthorization(IdentityRegistration.ApiPolicy)
            .AddEndpointFilter<OfficersOnlyEndpointFilter>()
            .AddEndpointFilter<Audit.CaseAuditEndpointFilter>()
            .WithTags("Cases")
            .MapCasesApi();
        return app;
    }
}
