using Varna.Data.Backups;
using Varna.Features.Keys;

namespace Varna.Cli;

// `restore --from <file>`: a backup into an empty database only. It runs before CliVerbs migrates
// (migrating would make the target non-empty); CliVerbs then migrates the restored database, so a
// backup of an older version is upgraded, and CheckKeysAsync checks it against the master key given.
public static class RestoreCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args)
    {
        args.AllowOnly("from");
        if (args.Positional.Count > 0) throw new CliUsageException("restore takes no subcommand: restore --from <file>.");
        var file = Path.GetFullPath(args.Required("from"));
        if (!File.Exists(file)) throw new CliUsageException($"--from: {file} does not exist.");

        var database = DatabaseTarget.From(services.GetRequiredService<IConfiguration>());
        try
        {
            if (await BackupFiles.CheckAsync(file) is { } damaged)
                throw new BackupException($"--from: {file} is not restored: {damaged}. Nothing was changed.");
            var existing = await database.TablesAsync();
            if (existing.Count > 0)
                throw new BackupException($"{database} is not empty: it already has {existing.Count} tables ({string.Join(", ", existing.Take(4))}, ...). " +
                    "A restore goes only into a new, empty database, so that nothing is mixed or overwritten. Nothing was changed.");

            var tables = database.Provider == DatabaseProvider.Postgres
                ? await PostgresBackup.RestoreAsync(file, database.ConnectionString)
                : await SqliteBackup.RestoreAsync(file, database.ConnectionString);
            Console.WriteLine($"Restored {file} into {database}: {DatabaseTables.Describe(tables)}.");
            return 0;
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine("Error: " + e.Message);
            return 1;
        }
        catch (System.Data.Common.DbException e)
        {
            Console.Error.WriteLine($"Error: could not open {database}: {e.Message}. Create it empty first; nothing was restored.");
            return 1;
        }
    }

    // After the migrations: the restored data-protection keys must open with the master key given,
    // or nothing encrypted in the backup can be read.
    public static async Task<int> CheckKeysAsync(IServiceProvider services)
    {
        try
        {
            await services.GetRequiredService<KeyRing>().VerifyAsync();
        }
        catch (StartupRefusedException e)
        {
            Console.Error.WriteLine("Error: the data is restored, but the master key given does not open its encryption keys. " +
                e.Message.Replace("Värna will not start: ", "", StringComparison.Ordinal).Replace(" Nothing has been changed.", "", StringComparison.Ordinal));
            Console.Error.WriteLine("Run Värna and its commands on the restored database with the master key that was in use when the backup was made. " +
                "The restored data stays as it is.");
            return 1;
        }
        Console.WriteLine("Migrations applied and the encryption keys open with the master key given. Check the audit log with `audit verify`.");
        return 0;
    }
}
