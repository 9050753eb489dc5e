using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Varna.Tests.Reports;

namespace Varna.Tests.Cli;

// `backup` while the app serves and `restore` into an empty database, through the real program
// (CliRunner) on SQLite or PostgreSQL, checked through an app running on the restored database.
public sealed class BackupRestoreTests(VarnaFactory factory) : IClassFixture<VarnaFactory>, IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("varna-backup-").FullName;
    private readonly List<TestDatabase> _targets = [];

    private sealed record Submitted(Guid Id, Guid EvidenceId, string Sha256);

    [Fact]
    public async Task Backup_taken_while_the_app_serves_restores_into_an_empty_database_with_the_same_reports_evidence_and_audit_log()
    {
        var reporter = await factory.ApiClientAsync(Demo.Representative);
        var officer = await factory.SignedInAsync(Demo.Officer);
        var earlier = new List<Submitted>();
        for (var i = 0; i < 3; i++) earlier.Add(await SubmitWithEvidenceAsync(reporter, i));
        // A download writes the audit log, so the restored log has a chain to verify.
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync($"/api/v1/reports/{earlier[0].Id}/evidence/{earlier[0].EvidenceId}")).StatusCode);
        var rowsBefore = await RowsAsync(factory.Database);

        // Reports with evidence go on arriving, and pages are read, while the backup runs.
        using var stop = new CancellationTokenSource();
        var acknowledged = new ConcurrentQueue<Submitted>();
        var load = Task.Run(async () =>
        {
            for (var n = 100; !stop.IsCancellationRequested; n++)
            {
                acknowledged.Enqueue(await SubmitWithEvidenceAsync(reporter, n));
                Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/arenden")).StatusCode);
            }
        });
        while (acknowledged.IsEmpty && !load.IsCompleted) await Task.Delay(20);
        var acknowledgedBefore = acknowledged.ToArray();
        var file = Path.Combine(_directory, "varna.backup");
        var backup = await CliRunner.RunAsync(factory.Database, "backup", "--to", file);
        var acknowledgedDuring = acknowledged.Count - acknowledgedBefore.Length;
        await stop.CancelAsync();
        await load;
        var rowsAfter = await RowsAsync(factory.Database);

        Assert.True(backup.ExitCode == 0, backup.Stderr);
        Assert.True(acknowledgedDuring > 0, "The app acknowledged no report while the backup ran.");
        Assert.Contains(await Sha256Async(file), backup.Stdout);
        Assert.Contains("does not contain the master key", backup.Stdout);
        Assert.Empty(Directory.GetFiles(_directory, "*.partial"));

        var target = await EmptyDatabaseAsync();
        var restore = await RestoreAsync(target, file);
        Assert.True(restore.ExitCode == 0, restore.Stdout + restore.Stderr);

        // Every table holds what it held at one moment between the start and the end of the backup.
        var restored = await RowsAsync(target);
        Assert.Equal(rowsBefore.Keys.Order(), restored.Keys.Order());
        foreach (var (table, rows) in restored) Assert.InRange(rows, rowsBefore[table], rowsAfter[table]);

        var audit = await CliRunner.RunAsync(target, "Testing", KeyOf(factory), "audit", "verify");
        Assert.True(audit.ExitCode == 0, audit.Stdout + audit.Stderr);
        Assert.Contains("The audit log is intact.", audit.Stdout);
        Assert.Contains("intact (", audit.Stdout);

        // The app on the restored database, with the master key that made the backup.
        await using var app = new ExistingDatabaseFactory(target, demo: true, masterKey: factory.MasterKey);
        await app.InitializeAsync();
        await app.SignedInAsync(Demo.Representative);
        var restoredApi = app.CreateClient();
        restoredApi.DefaultRequestHeaders.Authorization = reporter.DefaultRequestHeaders.Authorization;

        var mine = await MineAsync(restoredApi);
        Assert.Subset((await MineAsync(reporter)).ToHashSet(), mine.ToHashSet());
        foreach (var report in earlier.Concat(acknowledgedBefore)) Assert.Contains(report.Id, mine);
        var everyAcknowledged = earlier.Concat(acknowledged).ToDictionary(s => s.Id);
        foreach (var id in mine.Where(everyAcknowledged.ContainsKey))
        {
            // The same report, case reference, texts and evidence hashes as in the live database...
            Assert.Equal(await reporter.GetStringAsync($"/api/v1/reports/{id}"), await restoredApi.GetStringAsync($"/api/v1/reports/{id}"));
            // ...and the restored evidence bytes still hash to what was stored on arrival.
            var submitted = everyAcknowledged[id];
            var bytes = await restoredApi.GetByteArrayAsync($"/api/v1/reports/{id}/evidence/{submitted.EvidenceId}");
            Assert.Equal(submitted.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    [Fact]
    public async Task Restore_into_a_database_that_already_has_data_is_refused_and_changes_nothing()
    {
        var file = await BackupAsync("first.backup");
        var target = await EmptyDatabaseAsync();
        Assert.Equal(0, (await RestoreAsync(target, file)).ExitCode);
        var rows = await RowsAsync(target);

        var again = await RestoreAsync(target, file);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("is not empty", again.Stderr);
        Assert.Contains("Nothing was changed", again.Stderr);
        Assert.Equal(rows, await RowsAsync(target));
    }

    [Fact]
    public async Task Backup_to_an_existing_file_is_refused_unless_forced()
    {
        var file = await BackupAsync("kept.backup");
        var hash = await Sha256Async(file);

        var refused = await CliRunner.RunAsync(factory.Database, "backup", "--to", file);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--to", refused.Stderr);
        Assert.Contains("already exists", refused.Stderr);
        Assert.Equal(hash, await Sha256Async(file));

        await factory.ApiClientAsync(Demo.Officer); // a change, so the replacement differs
        var forced = await CliRunner.RunAsync(factory.Database, "backup", "--to", file, "--force");
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        Assert.NotEqual(hash, await Sha256Async(file));
        Assert.StartsWith(await Sha256Async(file), await File.ReadAllTextAsync(file + ".sha256"));
    }

    [Fact]
    public async Task Restore_from_a_missing_or_unreadable_file_names_from_and_leaves_the_target_empty_and_usable()
    {
        var target = await EmptyDatabaseAsync();
        var missing = await RestoreAsync(target, Path.Combine(_directory, "none.backup"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--from", missing.Stderr);
        Assert.Contains("does not exist", missing.Stderr);

        var garbage = Path.Combine(_directory, "garbage.backup");
        await File.WriteAllBytesAsync(garbage, RandomNumberGenerator.GetBytes(64 * 1024));
        var unreadable = await RestoreAsync(target, garbage);
        Assert.Equal(1, unreadable.ExitCode);
        Assert.Contains("--from", unreadable.Stderr);
        Assert.Contains("Nothing was restored", unreadable.Stderr);

        Assert.Empty(await RowsAsync(target));
        var migrate = await CliRunner.RunAsync(target, "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
    }

    [Fact]
    public async Task Restore_from_a_backup_changed_after_it_was_made_is_refused_by_its_checksum()
    {
        var file = await BackupAsync("changed.backup");
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes);
        var target = await EmptyDatabaseAsync();

        var restore = await RestoreAsync(target, file);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("--from", restore.Stderr);
        Assert.Contains("SHA-256", restore.Stderr);
        Assert.Empty(await RowsAsync(target));
    }

    [Fact]
    public async Task Restore_with_another_master_key_restores_the_data_and_says_the_master_key_that_made_the_backup_is_needed()
    {
        var file = await BackupAsync("key.backup");
        var target = await EmptyDatabaseAsync();

        var restore = await CliRunner.RunAsync(target, "restore", "--from", file); // the target's own, different key

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("the data is restored, but the master key given does not open", restore.Stderr);
        Assert.Contains("master key that was in use when the backup was made", restore.Stderr);
        // The data is there, and opens with the right key.
        Assert.Equal((await RowsAsync(factory.Database))["reports"], (await RowsAsync(target))["reports"]);
        await using var app = new ExistingDatabaseFactory(target, demo: true, masterKey: factory.MasterKey);
        await app.InitializeAsync();
        var reporter = await app.SignedInAsync(Demo.Representative);
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync("/mina-rapporter")).StatusCode);
    }

    private async Task<string> BackupAsync(string name)
    {
        var file = Path.Combine(_directory, name);
        var backup = await CliRunner.RunAsync(factory.Database, "backup", "--to", file);
        Assert.True(backup.ExitCode == 0, backup.Stderr);
        return file;
    }

    // The restore runs with the master key of the app that made the backup.
    private Task<CliResult> RestoreAsync(TestDatabase target, string file) =>
        CliRunner.RunAsync(target, "Testing", KeyOf(factory), "restore", "--from", file);

    private static Dictionary<string, string> KeyOf(VarnaFactory app) => new() { [Varna.Features.Keys.MasterKey.EnvironmentVariable] = app.MasterKey };

    private async Task<TestDatabase> EmptyDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        _targets.Add(database);
        return database;
    }

    private static async Task<Submitted> SubmitWithEvidenceAsync(HttpClient reporter, int n)
    {
        var report = await reporter.SubmitReportAsync(ReportsArrange.ValidReport($"Hot nummer {n} i kommentarsfältet."));
        var bytes = ReportsArrange.Pdf.Concat(System.Text.Encoding.UTF8.GetBytes($"% bevis {n} {Guid.NewGuid()}\n")).ToArray();
        var files = await (await reporter.PostAsync($"/api/v1/reports/{report.Id()}/evidence", ReportsArrange.Files(($"bevis-{n}.pdf", bytes))))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), files[0].GetProperty("sha256").GetString());
        return new Submitted(report.Id(), files[0].Id(), files[0].GetProperty("sha256").GetString()!);
    }

    private static async Task<List<Guid>> MineAsync(HttpClient api)
    {
        var mine = JsonDocument.Parse(await api.GetStringAsync("/api/v1/reports/mine")).RootElement;
        return mine.EnumerateArray().Select(r => r.Id()).ToList();
    }

    private static async Task<string> Sha256Async(string file) => Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)));

    // Rows per table, read with a plain connection (not the app's code); none when the SQLite file does not exist.
    private static async Task<Dictionary<string, long>> RowsAsync(TestDatabase database)
    {
        if (database.SqliteFile is { } sqlite && !File.Exists(sqlite)) return [];
        await using DbConnection connection = database.Provider == "Postgres"
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = database.Provider == "Postgres"
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var rows = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            rows[table] = Convert.ToInt64(await count.ExecuteScalarAsync());
        }
        return rows;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var target in _targets) await target.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
