using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace Varna.Tests.Reliability;

// Every table's row count and a hash of all its rows, read through the raw connection, so that
// "nothing already stored changed" covers rows and columns no test thinks of.
public static class FuzzDigest
{
    // Tables that legitimately change while the fuzz runs, and why.
    private static readonly HashSet<string> SkippedTables = new(StringComparer.OrdinalIgnoreCase)
    {
        "audit_entries",        // every case read, sign-in and failed sign-in is logged
        "user_sessions",        // every signed-in request touches its server-side session
        "data_protection_keys", // the key ring may be written on first use
    };

    // Columns that change on a read or a failed sign-in, never on an accepted change of data.
    private static readonly HashSet<string> SkippedColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "asp_net_users.access_failed_count", // failed sign-ins with a known address count up
        "asp_net_users.lockout_end",         // ... and may lock the account for a while
        "asp_net_users.concurrency_stamp",   // ... and Identity re-stamps the row when it counts
        "api_tokens.last_used_at",           // every API call marks its token as used
    };

    public static Task<Dictionary<string, string>> TakeAsync(VarnaFactory factory) => factory.WithDbAsync(null, async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = factory.Database.Provider == "Postgres"
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            }
            var digest = new Dictionary<string, string>();
            foreach (var table in tables.Where(t => !SkippedTables.Contains(t)).Order(StringComparer.Ordinal))
                digest[table] = await TableAsync(connection, table);
            return digest;
        }
        finally { await connection.CloseAsync(); }
    });

    private static async Task<string> TableAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var column = reader.GetName(i);
                if (SkippedColumns.Contains($"{table}.{column}")) continue;
                var value = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
                {
                    byte[] bytes => Convert.ToHexString(SHA256.HashData(bytes)),
                    IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                    var v => v.ToString(),
                };
                row.Append(column).Append('=').Append(value).Append('\u001f');
            }
            rows.Add(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.ToString()))));
        }
        rows.Sort(StringComparer.Ordinal);
        return $"{rows.Count} rows, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(rows))))[..16]}";
    }

    public static IEnumerable<string> Differences(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: before {before.GetValueOrDefault(t) ?? "missing"}, after {after.GetValueOrDefault(t) ?? "missing"}");
}
