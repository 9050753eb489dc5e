namespace Varna.Features.Users;

public static class UsersRegistration
{
    public static WebApplicationBuilder AddUsers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountQueries>();
        builder.Services.AddScoped<UserAccounts>();
        return builder;
    }

    // Pages only (/admin/anvandare); they are found by the Razor Pages convention.
    public static WebApplication MapUsers(this WebApplication app) => app;
}
