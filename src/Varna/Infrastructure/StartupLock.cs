using Microsoft.Data.Sqlite;
using Npgsql;

namespace Varna.Infrastructure;

// Lets one process at a time prepare the database at start: migrations, the first data-protection
// key, the roles and the demo. Two nodes started together on a new database would otherwise both
// make a first key (each signing cookies the other may not know yet), and both seed roles and demo,
// where the slower one fails on a unique index and does not start. PostgreSQL: a session advisory
// lock; SQLite (several processes on one host): an exclusive lock on a file beside the database.
// The server or the operating system drops either when its holder dies, so a killed node never
// blocks the next start.
public sealed class StartupLock : IAsyncDisposable
{
    // "Varna" in ASCII and a 1: any fixed number no other code on the database uses.
    private const long AdvisoryKey = 0x56_61_72_6E_61_01;
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly NpgsqlConnection? _connection;
    private readonly FileStream? _file;

    private StartupLock(NpgsqlConnection? connection, FileStream? file)
    {
        _connection = connection;
        _file = file;
    }

    public static async Task<StartupLock> AcquireAsync(AppDbContext db, ILogger logger, CancellationToken cancellationToken = default)
    {
        var connectionString = db.Database.GetConnectionString() ?? "";
        var deadline = DateTime.UtcNow + Wait;
        var attempt = 0;
        if (db.Database.IsNpgsql())
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                // No database yet: the migration creates it, and there is nothing to seed twice before that.
                await connection.DisposeAsync();
                return new StartupLock(null, null);
            }
            while (true)
            {
                await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
                {
                    take.Parameters.AddWithValue("key", AdvisoryKey);
                    if (await take.ExecuteScalarAsync(cancellationToken) is true) return new StartupLock(connection, null);
                }
                WaitedTooLong(attempt++, deadline, logger, connection);
                await Task.Delay(Poll, cancellationToken);
            }
        }

        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
            return new StartupLock(null, null);
        var path = Path.GetFullPath(file) + ".startup-lock";
        while (true)
        {
            try
            {
                return new StartupLock(null, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                WaitedTooLong(attempt++, deadline, logger, null);
                await Task.Delay(Poll, cancellationToken);
            }
        }
    }

    private static void WaitedTooLong(int attempt, DateTime deadline, ILogger logger, IDisposable? held)
    {
        if (attempt == 0) logger.LogInformation("Another node is preparing the database; waiting for it to finish.");
        if (DateTime.UtcNow < deadline) return;
        held?.Dispose();
        throw new StartupRefusedException($"Värna will not start: another process has been preparing the database for more than {Wait.TotalMinutes} minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            release.Parameters.AddWithValue("key", AdvisoryKey);
            try { await release.ExecuteScalarAsync(); } catch (NpgsqlException) { }
            await _connection.DisposeAsync();
        }
        if (_file is not null) await _file.DisposeAsync();
    }
}
