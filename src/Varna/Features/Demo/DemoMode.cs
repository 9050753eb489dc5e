namespace Varna.Features.Demo;

// Demo mode seeds known accounts, shows a banner and does not insist on two-factor sign-in.
// It is on in Development (appsettings.Development.json) and refused in Production.
// Cases: whether the demo also gets a desk of cases in every stage (tests that count cases turn it off).
public sealed record DemoMode(bool Enabled, bool Cases = true);

public static class DemoRegistration
{
    public const string Password = "Demo-2026!";

    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new DemoMode(builder.Configuration.GetValue<bool>("Demo:Enabled"),
            builder.Configuration.GetValue("Demo:Cases", true)));
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<CaseVolume>();
        return builder;
    }
}
