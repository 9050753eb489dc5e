using System.Diagnostics;
using Npgsql;

namespace Varna.Data.Backups;

public sealed record ToolResult(int ExitCode, string Stdout, string Stderr);

// Runs pg_dump and pg_restore with the app's connection string taken apart into options. The
// password goes in PGPASSWORD, never on the command line, where every user of the machine sees it.
public static class PostgresTools
{
    private const string DebianClusters = "/usr/lib/postgresql";

    // PATH first (Debian's /usr/bin/pg_dump picks the newest installed version), else the newest
    // /usr/lib/postgresql/<version>/bin.
    public static string Find(string tool)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate)) return candidate;
        }
        var versions = Directory.Exists(DebianClusters) ? Directory.GetDirectories(DebianClusters) : [];
        foreach (var version in versions.OrderByDescending(v => int.TryParse(Path.GetFileName(v), out var major) ? major : 0))
        {
            var candidate = Path.Combine(version, "bin", tool);
            if (File.Exists(candidate)) return candidate;
        }
        throw new BackupException($"{tool} was not found on PATH nor under {DebianClusters}/*/bin. Install the PostgreSQL client tools " +
            "of the server's major version or newer (Debian: apt install postgresql-client), or put their bin directory on PATH.");
    }

    public static IEnumerable<string> ConnectionOptions(NpgsqlConnectionStringBuilder connection)
    {
        if (!string.IsNullOrEmpty(connection.Host)) yield return "--host=" + connection.Host;
        yield return "--port=" + connection.Port;
        if (!string.IsNullOrEmpty(connection.Username)) yield return "--username=" + connection.Username;
        yield return "--no-password"; // never wait for a prompt: the password comes from PGPASSWORD or ~/.pgpass
        if (!string.IsNullOrEmpty(connection.Database)) yield return "--dbname=" + connection.Database;
    }

    public static async Task<ToolResult> RunAsync(string tool, IEnumerable<string> arguments, NpgsqlConnectionStringBuilder? connection = null, bool discardOutput = false)
    {
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (connection is not null)
        {
            if (!string.IsNullOrEmpty(connection.Password)) start.Environment["PGPASSWORD"] = connection.Password;
            if (!string.IsNullOrEmpty(connection.Passfile)) start.Environment["PGPASSFILE"] = connection.Passfile;
            start.Environment["PGSSLMODE"] = SslMode(connection.SslMode);
            start.Environment["PGAPPNAME"] = "varna-" + tool;
        }
        using var process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        var stdout = discardOutput
            ? process.StandardOutput.BaseStream.CopyToAsync(Stream.Null).ContinueWith(_ => "")
            : process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }

    private static string SslMode(Npgsql.SslMode mode) => mode switch
    {
        Npgsql.SslMode.Disable => "disable",
        Npgsql.SslMode.Allow => "allow",
        Npgsql.SslMode.Require => "require",
        Npgsql.SslMode.VerifyCA => "verify-ca",
        Npgsql.SslMode.VerifyFull => "verify-full",
        _ => "prefer",
    };
}
