using System.Data;
using Npgsql;

namespace Varna.Data.Backups;

// A wrapper over pg_dump (custom format) and pg_restore. The backup is consistent: pg_dump reads one
// snapshot, exported by a transaction of ours that counts the rows in that same snapshot, so the
// summary describes exactly what is in the file.
public static class PostgresBackup
{
    public static async Task<BackupResult> BackupAsync(string connectionString, string file, bool overwrite)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        PostgresTools.Find("pg_dump");
        PostgresTools.Find("pg_restore");
        var temporary = BackupFiles.TemporaryNameFor(file);
        try
        {
            IReadOnlyList<TableRows> tables;
            IReadOnlyList<string> masterKeys;
            await using (var db = new NpgsqlConnection(connectionString))
            {
                await db.OpenAsync();
                await using var snapshot = await db.BeginTransactionAsync(IsolationLevel.RepeatableRead);
                await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", db, snapshot))
                {
                    var id = (string)(await export.ExecuteScalarAsync())!;
                    tables = await DatabaseTables.CountAsync(db, snapshot);
                    masterKeys = await WrappingKeys.ReadAsync(db, snapshot);
                    var dump = await PostgresTools.RunAsync("pg_dump",
                        ["--format=custom", "--no-owner", "--snapshot=" + id, "--file=" + temporary, .. PostgresTools.ConnectionOptions(connection)],
                        connection);
                    if (dump.ExitCode != 0)
                        throw new BackupException($"pg_dump failed (exit {dump.ExitCode}); no backup was written. {dump.Stderr.Trim()}");
                }
                await snapshot.CommitAsync();
            }

            // Reads the whole archive back (every table's data decompressed), the counterpart of SQLite's integrity_check.
            var check = await PostgresTools.RunAsync("pg_restore", ["--file=-", temporary], discardOutput: true);
            if (check.ExitCode != 0)
                throw new BackupException($"the archive pg_dump wrote does not read back with pg_restore; it was not kept. {check.Stderr.Trim()}");
            var sha256 = await BackupFiles.CompleteAsync(temporary, file, overwrite);
            var version = (await PostgresTools.RunAsync("pg_dump", ["--version"])).Stdout.Trim();
            return new BackupResult(file, new FileInfo(file).Length, sha256, tables, $"read back by pg_restore; {version}", masterKeys);
        }
        finally
        {
            BackupFiles.DeleteQuietly(temporary);
        }
    }

    // pg_restore in one transaction: a damaged archive or any error leaves the target as it was.
    public static async Task<IReadOnlyList<TableRows>> RestoreAsync(string file, string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var list = await PostgresTools.RunAsync("pg_restore", ["--list", file]);
        if (list.ExitCode != 0)
            throw new BackupException($"--from: {file} is not an archive pg_restore can read ({list.Stderr.Trim()}). Nothing was restored.");
        if (!list.Stdout.Contains("__ef_migrations_history", StringComparison.Ordinal))
            throw new BackupException($"--from: {file} is a pg_dump archive but not a Värna backup (it has no migration history). Nothing was restored.");

        var restore = await PostgresTools.RunAsync("pg_restore",
            ["--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", .. PostgresTools.ConnectionOptions(connection), file], connection);
        if (restore.ExitCode != 0)
            throw new BackupException($"pg_restore failed (exit {restore.ExitCode}) reading --from {file}; it ran as one transaction, so nothing was restored. {restore.Stderr.Trim()}");

        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        return await DatabaseTables.CountAsync(db);
    }
}
