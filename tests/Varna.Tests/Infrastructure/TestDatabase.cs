using Npgsql;

namespace Varna.Tests.Infrastructure;

// Each factory gets a database of its own: a temporary SQLite file, or, when VARNA_TEST_PG names
// a PostgreSQL server (./test.sh sets it), a freshly created database on that server.
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string? sqliteDirectory, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    // The master key that wraps this database's keys: every app and CLI run on it must use it.
    public string MasterKey { get; } = Varna.Features.Keys.MasterKey.NewEncoded();
    public string? SqliteFile => _sqliteDirectory is null ? null : Path.Combine(_sqliteDirectory, "varna.db");

    public static string? PostgresServer => Environment.GetEnvironmentVariable("VARNA_TEST_PG") is { Length: > 0 } pg ? pg : null;

    public static async Task<TestDatabase> CreateAsync()
    {
        if (PostgresServer is { } server)
        {
            var name = "varna_t_" + Guid.NewGuid().ToString("N")[..16];
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            return new TestDatabase("Postgres", builder.ConnectionString, null, server, name);
        }
        var directory = Directory.CreateTempSubdirectory("varna-test-").FullName;
        return new TestDatabase("Sqlite", $"Data Source={Path.Combine(directory, "varna.db")};Pooling=False", directory, null, null);
    }

    // Simulates the database going away under a running app: PostgreSQL stops accepting
    // connections to it; the SQLite file is replaced by a directory nothing can open.
    public async Task MakeUnreachableAsync()
    {
        if (_postgresAdmin is not null)
        {
            await using var admin = new NpgsqlConnection(_postgresAdmin);
            await admin.OpenAsync();
            await using var block = new NpgsqlCommand(
                $"ALTER DATABASE {_postgresName} ALLOW_CONNECTIONS false; " +
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_postgresName}';", admin);
            await block.ExecuteNonQueryAsync();
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(SqliteFile + suffix);
            Directory.CreateDirectory(SqliteFile!);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (_sqliteDirectory is not null)
        {
            try { Directory.Delete(_sqliteDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
