using Microsoft.AspNetCore.Http.Features;

namespace Varna.Features.Reports;

public static class ReportsRegistration
{
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<FormOptions>().Configure<Microsoft.Extensions.Options.IOptions<ReportsOptions>>((form, reports) =>
            form.MultipartBodyLengthLimit = reports.Value.MaxRequestBytes);
        // The report forms post files too: let their requests be as large as a report may be.
        builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<ReportsOptions>>((pages, reports) =>
                pages.Conventions.AddFolderApplicationModelConvention("/Reports", page =>
                    page.EndpointMetadata.Add(new EvidenceRequestSize(reports.Value))));
        builder.Services.AddSingleton<ReportWriter>();
        builder.Services.AddScoped<ReportSubmission>();
        builder.Services.AddScoped<EvidenceIntake>();
        builder.Services.AddScoped<ReportQueries>();
        builder.Services.AddScoped<ReportConversation>();
        // The evidence form of /mina-rapporter/{id} may carry as much as the API's upload.
        builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<ReportsOptions>>((pages, reports) =>
                pages.Conventions.AddPageApplicationModelConvention("/Reports/MineDetails",
                    page => page.EndpointMetadata.Add(new EvidenceRequestSize(reports.Value))));
        return builder;
    }

    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapGroup("/api/v1")
            .RequireAuthorization(IdentityRegistration.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(Roles.Representative, Roles.SecurityOfficer))
            .WithTags("Reports")
            .MapReportsApi();
        app.MapMineEvidenceDownload();
        return app;
    }
}
