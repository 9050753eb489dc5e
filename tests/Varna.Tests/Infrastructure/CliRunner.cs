using System.Diagnostics;

namespace Varna.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string LastLine => Stdout.TrimEnd().Split('\n').Last().Trim();
}

// Runs the real program (`dotnet Varna.dll <verb> ...`) as its own process against a test database,
// the way an operator runs `dotnet run --project src/Varna -- <verb>`.
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(TestDatabase database, params string[] args) =>
        await RunAsync(database, "Testing", new Dictionary<string, string>(), args);

    public static async Task<CliResult> RunAsync(TestDatabase database, string environment, IDictionary<string, string> settings, params string[] args)
    {
        var start = StartInfo(database, environment, settings, args);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        try { Directory.Delete(start.WorkingDirectory, recursive: true); } catch (IOException) { }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    // How every process of the app is started in tests (CLI verbs here, servers in AppProcess):
    // the build's Varna.dll, the test database and its master key, settings as environment variables.
    public static ProcessStartInfo StartInfo(TestDatabase database, string environment, IDictionary<string, string> settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("varna-cli-").FullName,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Varna.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Varna"] = database.ConnectionString;
        start.Environment["Varna__PublicBaseUrl"] = "http://localhost";
        start.Environment[Varna.Features.Keys.MasterKey.EnvironmentVariable] = database.MasterKey;
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        return start;
    }
}
