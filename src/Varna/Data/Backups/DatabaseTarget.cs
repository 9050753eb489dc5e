using Microsoft.Data.Sqlite;
using Npgsql;

namespace Varna.Data.Backups;

// The database a backup is taken from or a restore goes into: the same settings the app uses
// (Database:Provider, ConnectionStrings:Varna).
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseTarget From(IConfiguration configuration)
    {
        var provider = configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Varna");
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
            connectionString = DatabaseRegistration.DefaultSqlite;
        return new DatabaseTarget(provider, connectionString ?? "");
    }

    // Names the database without its password.
    public override string ToString()
    {
        if (Provider == DatabaseProvider.Sqlite)
            return "the SQLite file " + Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
        var pg = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"the PostgreSQL database {pg.Database} on {pg.Host}:{pg.Port}";
    }

    // The tables the database has now; none for an SQLite file that does not exist yet.
    public async Task<IReadOnlyList<string>> TablesAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await using var pg = new NpgsqlConnection(ConnectionString);
            await pg.OpenAsync();
            return await DatabaseTables.NamesAsync(pg);
        }
        var file = new SqliteConnectionStringBuilder(ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        if (!File.Exists(file.DataSource)) return [];
        await using var sqlite = new SqliteConnection(file.ConnectionString);
        await sqlite.OpenAsync();
        return await DatabaseTables.NamesAsync(sqlite);
    }
}
