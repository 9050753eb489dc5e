namespace Varna.Infrastructure;

// In production the app refuses to start rather than run with a demo default or a missing
// secret. Each problem names the setting, so an operator can fix it without reading code.
public static class ProductionGuard
{
    public static WebApplicationBuilder AddProductionGuard(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction()) return builder;
        var problems = Check(builder.Configuration).ToList();
        if (problems.Count > 0)
            throw new StartupRefusedException("Värna will not start in Production:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => " - " + p)));
        return builder;
    }

    public static IEnumerable<string> Check(IConfiguration config)
    {
        if (config.GetValue<bool>("Demo:Enabled"))
            yield return "Demo:Enabled is true. Demo mode seeds known passwords and skips two-factor sign-in; turn it off.";
        var baseUrl = config["Varna:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl) || baseUrl.Contains("localhost", StringComparison.OrdinalIgnoreCase))
            yield return "Varna:PublicBaseUrl is missing or points at localhost; e-mailed links would not work. Set it to the address people use.";
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connection = config.GetConnectionString("Varna");
        if (provider == DatabaseProvider.Postgres && (string.IsNullOrWhiteSpace(connection) || !connection.Contains("Password", StringComparison.OrdinalIgnoreCase)))
            yield return "ConnectionStrings:Varna for PostgreSQL must be set and carry a password.";
        if (!string.IsNullOrWhiteSpace(config["Smtp:Host"]) && !string.IsNullOrWhiteSpace(config["Smtp:UserName"]) && string.IsNullOrWhiteSpace(config["Smtp:Password"]))
            yield return "Smtp:UserName is set but Smtp:Password is missing.";
        if (string.IsNullOrWhiteSpace(config[Features.Keys.MasterKey.EnvironmentVariable]) && string.IsNullOrWhiteSpace(config[Features.Keys.MasterKey.FileSetting]))
            yield return "No master key: " + Features.Keys.MasterKey.HowToMakeOne;
        if (string.IsNullOrWhiteSpace(config["Smtp:Host"]))
            yield return "Smtp:Host is not set: invitations and notifications would only be written to files. Configure SMTP.";
    }
}

public sealed class StartupRefusedException(string message) : Exception(message);
