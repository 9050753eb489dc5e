using Microsoft.Data.Sqlite;

namespace Varna.Data.Backups;

// SQLite's online backup API: one step copies a consistent snapshot of the live database while the
// app goes on reading and writing (WAL), into a new file that is then checked on its own.
public static class SqliteBackup
{
    public static async Task<BackupResult> BackupAsync(string connectionString, string file, bool overwrite)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var sourceFile = Path.GetFullPath(source.DataSource);
        if (!File.Exists(sourceFile)) throw new BackupException($"the database file {sourceFile} does not exist; there is nothing to back up.");
        if (sourceFile == file) throw new BackupException($"--to names the live database file {sourceFile} itself.");

        var temporary = BackupFiles.TemporaryNameFor(file);
        try
        {
            // Made here, so that an unwritable --to directory is reported as that, not as a database error.
            await File.WriteAllBytesAsync(temporary, []);
            IReadOnlyList<TableRows> tables;
            IReadOnlyList<string> masterKeys;
            await using (var from = await OpenAsync(source.ConnectionString))
            await using (var to = await OpenAsync(Writable(temporary)))
            {
                from.BackupDatabase(to);
                // A backup is one self-contained file, not a database with a write-ahead log beside it.
                await ExecuteAsync(to, "PRAGMA journal_mode=DELETE");
                await CheckIntegrityAsync(to, "the copy", "It was not kept.");
                tables = await DatabaseTables.CountAsync(to);
                masterKeys = await WrappingKeys.ReadAsync(to);
            }
            var sha256 = await BackupFiles.CompleteAsync(temporary, file, overwrite);
            return new BackupResult(file, new FileInfo(file).Length, sha256, tables, "integrity_check ok", masterKeys);
        }
        finally
        {
            BackupFiles.DeleteQuietly(temporary);
            BackupFiles.DeleteQuietly(temporary + "-journal");
        }
    }

    // Checks the backup file on its own first, then copies it into the (empty) target with the same API.
    public static async Task<IReadOnlyList<TableRows>> RestoreAsync(string file, string connectionString)
    {
        await using var from = await OpenAsync(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        try
        {
            await CheckIntegrityAsync(from, $"--from: {file}", "Nothing was restored.");
            if (!(await DatabaseTables.NamesAsync(from)).Contains("__ef_migrations_history"))
                throw new BackupException($"--from: {file} is an SQLite database but not a Värna backup (it has no migration history).");
        }
        catch (SqliteException e)
        {
            throw new BackupException($"--from: {file} is not a readable SQLite database ({e.Message.TrimEnd('.')}). Nothing was restored.");
        }

        var target = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        await using var to = await OpenAsync(target.ConnectionString);
        from.BackupDatabase(to);
        await ExecuteAsync(to, "PRAGMA journal_mode=WAL");
        await CheckIntegrityAsync(to, "the restored database", "Restore again into a new, empty database.");
        return await DatabaseTables.CountAsync(to);
    }

    private static string Writable(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ConnectionString;

    private static async Task<SqliteConnection> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // The backup step waits for a writer's lock like any statement would, instead of failing at once.
        await ExecuteAsync(connection, "PRAGMA busy_timeout=10000");
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task CheckIntegrityAsync(SqliteConnection connection, string what, string consequence)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var problems = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) problems.Add(reader.GetString(0));
        if (problems is not ["ok"])
            throw new BackupException($"{what} fails PRAGMA integrity_check: {string.Join("; ", problems.Take(5))}. {consequence}");
    }
}
