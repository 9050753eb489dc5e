namespace Varna.Features.Demo;

// Demo mode seeds known accounts, shows a banner and does not insist on two-factor sign-in.
// It is on in Development (appsettings.Development.json) and refused in Production.
public sealed record DemoMode(bool Enabled);

public static class DemoRegistration
{
    public const string Password = "Demo-2026!";

    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new DemoMode(builder.Configuration.GetValue<bool>("Demo:Enabled")));
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }
}
