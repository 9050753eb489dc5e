using System.Data.Common;

namespace Varna.Data.Backups;

public sealed record TableRows(string Table, long Rows);

// Every table of a database and its row count, read over a plain connection (no EF model), so it
// also describes a backup made by an older version. Shown after a backup and a restore, and used
// to tell an empty database (no tables at all) from one that already holds Värna.
public static class DatabaseTables
{
    // The tables named in the one-line summary, in this order, when present (Identity's table is
    // AspNetUsers on SQLite and asp_net_users on PostgreSQL).
    private static readonly (string Table, string Label)[] Main =
        [("organisations", "organisations"), ("aspnetusers", "users"), ("reports", "reports"), ("evidence", "evidence"), ("cases", "cases"), ("auditentries", "audit entries")];

    public static async Task<IReadOnlyList<string>> NamesAsync(DbConnection connection, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = connection is Microsoft.Data.Sqlite.SqliteConnection
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_schema || '.' || table_name FROM information_schema.tables " +
              "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    public static async Task<IReadOnlyList<TableRows>> CountAsync(DbConnection connection, DbTransaction? transaction = null)
    {
        var counts = new List<TableRows>();
        foreach (var name in await NamesAsync(connection, transaction))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT COUNT(*) FROM " + string.Join('.', name.Split('.').Select(Quote));
            var rows = Convert.ToInt64(await command.ExecuteScalarAsync());
            counts.Add(new TableRows(name.StartsWith("public.", StringComparison.Ordinal) ? name["public.".Length..] : name, rows));
        }
        return counts;
    }

    // "33 tables, 1234 rows: organisations 2, users 9, reports 14, ..."
    public static string Describe(IReadOnlyList<TableRows> tables)
    {
        var main = Main.Select(m => (m.Label, Table: tables.FirstOrDefault(t => t.Table.Replace("_", "").Equals(m.Table, StringComparison.OrdinalIgnoreCase))))
            .Where(m => m.Table is not null).Select(m => $"{m.Label} {m.Table!.Rows}");
        return $"{tables.Count} tables, {tables.Sum(t => t.Rows)} rows: {string.Join(", ", main)}";
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
