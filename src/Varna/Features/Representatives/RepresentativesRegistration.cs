namespace Varna.Features.Representatives;

public static class RepresentativesRegistration
{
    public static WebApplicationBuilder AddRepresentatives(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapRepresentatives(this WebApplication app) => app;
}
