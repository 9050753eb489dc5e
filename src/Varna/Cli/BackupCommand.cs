using Varna.Data.Backups;

namespace Varna.Cli;

// `backup --to <file> [--force]`: a consistent copy of the database while the app goes on serving
// (SQLite's online backup API, or pg_dump on PostgreSQL). It runs before CliVerbs migrates or checks
// keys: it reads the database as it is and changes nothing, so a backup taken with a newer version
// just before an upgrade is still a backup of the old schema. See docs/operations.md.
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args)
    {
        args.AllowOnly("to", "force");
        if (args.Positional.Count > 0) throw new CliUsageException("backup takes no subcommand: backup --to <file> [--force].");
        var file = Path.GetFullPath(args.Required("to"));
        var force = args.Flag("force");
        if (Directory.Exists(file)) throw new CliUsageException($"--to: {file} is a directory; name the backup file.");
        if (!Directory.Exists(Path.GetDirectoryName(file))) throw new CliUsageException($"--to: the directory {Path.GetDirectoryName(file)} does not exist.");
        if (File.Exists(file) && !force) throw new CliUsageException($"--to: {file} already exists. Choose a new file name, or add --force to replace it.");

        var database = DatabaseTarget.From(services.GetRequiredService<IConfiguration>());
        try
        {
            var backup = database.Provider == DatabaseProvider.Postgres
                ? await PostgresBackup.BackupAsync(database.ConnectionString, file, force)
                : await SqliteBackup.BackupAsync(database.ConnectionString, file, force);
            Console.WriteLine($"Backup of {database} written to {backup.File}: {backup.Bytes} bytes, {DatabaseTables.Describe(backup.Tables)}; " +
                $"{backup.Check}; SHA-256 {backup.Sha256} (also in {Path.GetFileName(backup.File)}{BackupFiles.ChecksumSuffix}).");
            var keys = backup.MasterKeys.Count == 0 ? "" : $" (fingerprint {string.Join(", ", backup.MasterKeys)})";
            Console.WriteLine($"The backup does not contain the master key{keys}: it holds the encryption keys only wrapped by it. " +
                "Keep the master key safe and apart from the backup; a restore needs it.");
            return 0;
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine("Error: " + e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Error: --to: could not write {file}: {e.Message}");
            return 1;
        }
        catch (System.Data.Common.DbException e)
        {
            Console.Error.WriteLine($"Error: could not read {database}: {e.Message}");
            return 1;
        }
    }
}
