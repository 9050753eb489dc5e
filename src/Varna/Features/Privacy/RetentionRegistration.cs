namespace Varna.Features.Privacy;

// The retention job, the data subject's rights (subject access, erasure) and the DPO-only pages.
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
            pages.Conventions.AuthorizeFolder("/Privacy");
            pages.Conventions.AddFolderApplicationModelConvention("/Privacy", model => model.Filters.Add(new DataProtectionOfficerOnly()));
        });
        // Tests switch the daily job off and run RetentionSweep themselves on a fake clock.
        if (builder.Configuration.GetValue("Retention:Enabled", true)) builder.Services.AddHostedService<RetentionWorker>();
        return builder;
    }
}
