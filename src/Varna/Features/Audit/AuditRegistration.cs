namespace Varna.Features.Audit;

public static class AuditRegistration
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<AuditIpHasher>();
        builder.Services.AddSingleton<AuditTrail>();
        return builder;
    }
}
