using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Varna.Tests.Reliability;

// Lost: acknowledged reports (by id) and files (report id and hash) that are gone or changed.
public sealed record CheckOutcome(IReadOnlyList<Guid> LostReports, IReadOnlyList<string> LostFiles, IReadOnlyList<string> Problems);

// What the database itself says, read through a connection of the test's own, not the app's.
public sealed record DatabaseState(string Provider, string Integrity, string Check, long Organisations, long Users, long Reports, long Evidence)
{
    public bool IntegrityOk => Integrity == "ok";
}

public static partial class CrashChecks
{
    // Every acknowledged report is there with what was sent, every acknowledged file downloads with
    // the same bytes, and whatever else the reporters' lists show was sent by them and is whole.
    public static async Task<CheckOutcome> VerifyAsync(AppProcess app, IReadOnlyList<CrashUser> users, CrashLedger ledger)
    {
        var problems = new ConcurrentQueue<string>();
        var lostReports = new ConcurrentQueue<Guid>();
        var lostFiles = new ConcurrentQueue<string>();
        await Task.WhenAll(users.Select(async user =>
        {
            using var client = user.ApiClient(app);
            using var mine = await client.GetAsync("api/v1/reports/mine");
            if (mine.StatusCode != HttpStatusCode.OK) { problems.Enqueue($"{user.Email}: GET /api/v1/reports/mine answered {(int)mine.StatusCode}"); return; }
            var listed = JsonDocument.Parse(await mine.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
                .Select(r => r.GetProperty("id").GetGuid()).ToList();

            // Stored without an answer: requests in flight at a kill whose transaction had committed.
            foreach (var id in listed.Where(id => !ledger.IsKnownStored(id)))
            {
                var stored = await DetailsAsync(client, id);
                var marker = stored is { } s ? MarkerPattern().Match(s.GetProperty("description").GetString() ?? "").Groups[1].Value : "";
                if (ledger.AttemptWith(marker) is not { } sent || sent.Client != user.Index)
                    problems.Enqueue($"{user.Email}: report {id} is listed but was never sent by this client (marker '{marker}').");
                else ledger.FoundUnacknowledged(id, sent);
            }

            var expected = ledger.Acknowledged.Concat(ledger.StoredUnacknowledged).Where(r => r.Value.Client == user.Index);
            foreach (var (id, sent) in expected)
            {
                var acknowledged = ledger.IsAcknowledged(id);
                var stored = await DetailsAsync(client, id);
                if (stored is not { } report)
                {
                    if (acknowledged) lostReports.Enqueue(id);
                    problems.Enqueue($"{user.Email}: report {id} ({sent.Marker}) is gone{(acknowledged ? " although it was acknowledged" : "")}.");
                    continue;
                }
                if (Differences(report, sent) is { Length: > 0 } differences)
                {
                    if (acknowledged) lostReports.Enqueue(id);
                    problems.Enqueue($"{user.Email}: report {id} ({sent.Marker}) is incomplete: {differences}");
                }
                if (!listed.Contains(id)) problems.Enqueue($"{user.Email}: report {id} is missing from the reporter's list.");

                var evidence = report.GetProperty("evidence").EnumerateArray()
                    .Select(e => (Id: e.GetProperty("id").GetGuid(), Sha: e.GetProperty("sha256").GetString()!, Size: e.GetProperty("size").GetInt64()))
                    .ToList();
                var matched = new HashSet<Guid>();
                foreach (var file in ledger.AcknowledgedFiles.Where(f => f.ReportId == id))
                {
                    var found = evidence.FirstOrDefault(e => !matched.Contains(e.Id)
                        && (file.EvidenceId is { } known ? e.Id == known : e.Sha == file.Sha256 && e.Size == file.Size));
                    var downloaded = found.Id == Guid.Empty ? null : await DownloadedShaAsync(client, id, found.Id);
                    if (found.Sha != file.Sha256 || found.Size != file.Size || downloaded != (file.Sha256, file.Size))
                    {
                        lostFiles.Enqueue($"{id}/{file.Sha256}");
                        problems.Enqueue($"{user.Email}: acknowledged file {file.Sha256[..12]}… ({file.Size} bytes) of report {id} is missing or changed.");
                        continue;
                    }
                    matched.Add(found.Id);
                }
                // Files the app kept although the upload never got its answer: they must be whole.
                foreach (var extra in evidence.Where(e => !matched.Contains(e.Id)))
                {
                    var sentWhole = ledger.WasSent(id, extra.Sha, extra.Size) || sent.Files.Contains((extra.Sha, extra.Size));
                    if (!sentWhole || await DownloadedShaAsync(client, id, extra.Id) != (extra.Sha, extra.Size))
                        problems.Enqueue($"{user.Email}: report {id} holds a file nobody sent whole ({extra.Sha[..12]}…, {extra.Size} bytes).");
                    else ledger.FoundUnacknowledgedFile(extra.Id);
                }
            }
        }));
        return new CheckOutcome(lostReports.Distinct().ToList(), lostFiles.Distinct().ToList(), problems.ToList());
    }

    private static string Differences(JsonElement stored, SentReport sent)
    {
        var differences = new List<string>();
        void Compare(string field, string? actual, string? wanted)
        {
            if (actual != wanted) differences.Add($"{field} '{actual}' instead of '{wanted}'");
        }
        Compare("description", stored.GetProperty("description").GetString(), sent.Description);
        Compare("channel", stored.GetProperty("channel").GetString(), sent.Channel);
        Compare("wish", stored.GetProperty("wish").GetString(), sent.Wish);
        Compare("location", stored.GetProperty("location").GetString(), sent.Location);
        Compare("types", string.Join(',', stored.GetProperty("types").EnumerateArray().Select(t => t.GetString()).Order()),
            string.Join(',', sent.Types.Order()));
        Compare("occurredAt", DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(stored.GetProperty("occurredAt").GetDateTimeOffset(), Varna.Infrastructure.Swedish.TimeZone).DateTime).ToString("yyyy-MM-dd"),
            sent.OccurredOn);
        if (string.IsNullOrEmpty(stored.GetProperty("reference").GetString())) differences.Add("no case reference");
        return string.Join("; ", differences);
    }

    private static async Task<JsonElement?> DetailsAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"api/v1/reports/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/v1/reports/{id} answered {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<(string Sha, long Size)?> DownloadedShaAsync(HttpClient client, Guid reportId, Guid evidenceId)
    {
        using var response = await client.GetAsync($"api/v1/reports/{reportId}/evidence/{evidenceId}");
        if (response.StatusCode != HttpStatusCode.OK) return null;
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength);
    }

    [GeneratedRegex(@"^\[(krasch-[^\]]+)\]")]
    private static partial Regex MarkerPattern();

    // SQLite: PRAGMA integrity_check through a read-only connection next to the running app (it
    // reads the WAL the app recovered). PostgreSQL has no such check to run from a client; a fresh
    // connection that can count the rows stands in for it.
    public static async Task<DatabaseState> InspectDatabaseAsync(TestDatabase database)
    {
        const string counts = """
            SELECT (SELECT count(*) FROM organisations), (SELECT count(*) FROM "AspNetUsers"),
                   (SELECT count(*) FROM reports), (SELECT count(*) FROM evidence)
            """;
        if (database.Provider == "Sqlite")
        {
            await using var connection = new SqliteConnection($"Data Source={database.SqliteFile};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            var integrity = new List<string>();
            await using (var check = new SqliteCommand("PRAGMA integrity_check", connection))
            await using (var reader = await check.ExecuteReaderAsync())
                while (await reader.ReadAsync()) integrity.Add(reader.GetString(0));
            await using var mode = new SqliteCommand("PRAGMA journal_mode", connection);
            var journal = (string)(await mode.ExecuteScalarAsync())!;
            await using var count = new SqliteCommand(counts, connection);
            await using var rows = await count.ExecuteReaderAsync();
            await rows.ReadAsync();
            return new DatabaseState("SQLite", string.Join("; ", integrity), $"PRAGMA integrity_check {string.Join("; ", integrity)}, journal_mode {journal}", rows.GetInt64(0), rows.GetInt64(1), rows.GetInt64(2), rows.GetInt64(3));
        }
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        await using var pg = new NpgsqlConnection(builder.ConnectionString);
        await pg.OpenAsync();
        await using var command = new NpgsqlCommand(counts, pg);
        await using var result = await command.ExecuteReaderAsync();
        await result.ReadAsync();
        return new DatabaseState("PostgreSQL", "ok", "a fresh connection counted the rows", result.GetInt64(0), result.GetInt64(1), result.GetInt64(2), result.GetInt64(3));
    }
}
