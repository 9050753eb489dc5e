namespace Varna.Features.Privacy;

// The retention job and the data subject's rights (subject access, erasure).
public static class RetentionRegistration
{
    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RetentionEraser>();
        builder.Services.AddScoped<RetentionSweep>();
        builder.Services.AddScoped<SubjectAccessExport>();
        builder.Services.AddScoped<ErasureOfRepresentative>();
        builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>().Configure(pages =>
        {
            foreach (var page in new[] { "/Privacy/SubjectAccess", "/Privacy/Erasure", "/Privacy/ErasureReceipt" })
            {
                pages.Conventions.AuthorizePage(page);
                pages.Conventions.AddPageApplicationModelConvention(page, model => model.Filters.Add(new SubjectRightsDpoOnlyPageFilter()));
            }
        });
        // Tests switch the daily job off and run RetentionSweep themselves on a fake clock.
        if (builder.Configuration.GetValue("Retention:Enabled", true)) builder.Services.AddHostedService<RetentionWorker>();
        return builder;
    }
}
