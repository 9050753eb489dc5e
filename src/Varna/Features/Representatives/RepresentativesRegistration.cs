namespace Varna.Features.Representatives;

public static class RepresentativesRegistration
{
    public static WebApplicationBuilder AddRepresentatives(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RosterImport>();
        return builder;
    }

    public static WebApplication MapRepresentatives(this WebApplication app)
    {
        app.MapGroup("/api/v1")
            .RequireAuthorization(IdentityRegistration.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(Roles.OrgAdmin, Roles.SecurityOfficer))
            .WithTags("Representatives")
            .MapRepresentativesApi();

        app.MapGet("/admin/fortroendevalda/import/mall.csv",
                () => TypedResults.File(RosterTemplate.Bytes(), "text/csv; charset=utf-8", RosterTemplate.FileName))
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.OrgAdmin })
            .ExcludeFromDescription();
        return app;
    }
}
