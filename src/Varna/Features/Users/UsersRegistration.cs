namespace Varna.Features.Users;

public static class UsersRegistration
{
    public static WebApplicationBuilder AddUsers(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapUsers(this WebApplication app) => app;
}
