using System.Diagnostics;
using Xunit.Abstractions;

namespace Varna.Tests.Reliability;

// Issue 6, section 3: the app as its own process (the Release build under ./test.sh) is killed
// with SIGKILL at random moments while representatives submit reports with evidence. After each
// restart on the same database every acknowledged report and file must be there, whole.
// Reduced form on every run; the full form with VARNA_LONG_TESTS=1. VARNA_CRASH_SEED repeats a
// run's choices (the moments still depend on the machine's speed).
[Trait("Category", "Process")]
[Collection(AppProcessCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private sealed record Plan(string Form, int Kills, int ApiClients, int FormClients, int MinLoadMs, int MaxLoadMs);

    private static readonly Plan Reduced = new("reduced", Kills: 3, ApiClients: 6, FormClients: 1, MinLoadMs: 300, MaxLoadMs: 4000);
    private static readonly Plan Full = new("full", Kills: 10, ApiClients: 12, FormClients: 2, MinLoadMs: 300, MaxLoadMs: 12000);

    [Fact]
    public async Task Killing_the_app_during_report_submissions_loses_no_acknowledged_report_or_evidence()
    {
        var plan = Environment.GetEnvironmentVariable("VARNA_LONG_TESTS") == "1" ? Full : Reduced;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("VARNA_CRASH_SEED"), out var given) ? given : Random.Shared.Next(1, 1_000_000);
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync();
        Log($"Crash test, {plan.Form} form: {plan.Kills} kills, {plan.ApiClients} API clients + {plan.FormClients} form clients, " +
            $"provider {database.Provider}, seed {seed} (VARNA_CRASH_SEED={seed} repeats it).");

        var users = await CrashUsers.PrepareAsync(database, plan.ApiClients, plan.FormClients);
        var seeded = await CrashChecks.InspectDatabaseAsync(database);
        Log($"Demo seeded and {users.Count} representatives with tokens ready after {clock.Elapsed.TotalSeconds:0} s.");
        var ledger = new CrashLedger();
        var load = new CrashLoad(ledger, seed);
        var random = new Random(seed);
        var problems = new List<string>();
        var (lostReports, lostFiles, kills) = (new HashSet<Guid>(), new HashSet<string>(), 0);
        DatabaseState? last = null;

        var app = await AppProcess.StartAsync(database, "krasch-0");
        Log($"App process started after {clock.Elapsed.TotalSeconds:0} s.");
        try
        {
            foreach (var user in users.Where(u => u.UsesForm)) await user.SignInAsync(app);
            for (var round = 1; round <= plan.Kills; round++)
            {
                using var stop = new CancellationTokenSource();
                var (acknowledgedAtStart, filesAtStart) = (ledger.Acknowledged.Count, ledger.AcknowledgedFiles.Count);
                var clients = users.Select(u => Task.Run(() => load.RunAsync(app, u, new Random(seed * 1000 + round * 100 + u.Index), stop.Token))).ToList();
                // A fresh process is slow for its first requests (JIT), the more so on a busy machine:
                // the random moment is counted from the round's first acknowledged report and file, so
                // every round kills a process that is busy writing both.
                var warm = Stopwatch.StartNew();
                while ((ledger.Acknowledged.Count == acknowledgedAtStart || ledger.AcknowledgedFiles.Count == filesAtStart) && warm.Elapsed < TimeSpan.FromMinutes(2) && !clients.All(c => c.IsCompleted))
                    await Task.Delay(20);
                var loadFor = random.Next(plan.MinLoadMs, plan.MaxLoadMs + 1);
                await Task.Delay(loadFor);
                var (acknowledgedBefore, filesBefore) = (ledger.Acknowledged.Count, ledger.AcknowledgedFiles.Count);
                await app.KillAsync();
                kills++;
                stop.Cancel();
                await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(90));
                await app.DisposeAsync();

                // The same database, a new process: migrations and demo seeding run again on start.
                var restart = Stopwatch.StartNew();
                app = await AppProcess.StartAsync(database, $"krasch-{round}");
                var started = restart.Elapsed;

                var state = last = await CrashChecks.InspectDatabaseAsync(database);
                if (!state.IntegrityOk) problems.Add($"Kill {round}: integrity check says {state.Integrity}");
                if (state.Organisations != seeded.Organisations || state.Users != seeded.Users)
                    problems.Add($"Kill {round}: the restart changed the seeded data: {state.Organisations} organisations, {state.Users} users " +
                        $"(before: {seeded.Organisations}, {seeded.Users})");
                problems.AddRange(await ServesAgainAsync(app, users, round));

                var outcome = await CrashChecks.VerifyAsync(app, users, ledger);
                lostReports.UnionWith(outcome.LostReports);
                lostFiles.UnionWith(outcome.LostFiles);
                problems.AddRange(outcome.Problems.Select(p => $"Kill {round}: {p}"));
                var stored = ledger.Acknowledged.Count + ledger.StoredUnacknowledged.Count;
                if (state.Reports != stored) problems.Add($"Kill {round}: the database holds {state.Reports} reports, the reporters' lists {stored}");

                Log($"Kill {round} {loadFor} ms after the round's first acknowledged report and file ({acknowledgedBefore} reports, {filesBefore} files acknowledged by then): restarted in " +
                    $"{started.TotalSeconds:0.0} s; {state.Provider}: {state.Check}; " +
                    $"{state.Reports} reports and {state.Evidence} files stored; lost so far {lostReports.Count} reports, {lostFiles.Count} files.");
            }
        }
        finally
        {
            await app.DisposeAsync();
        }

        problems.AddRange(ledger.ServerErrors.Select(e => "During load: " + e));
        var lost = lostReports.Count + lostFiles.Count;
        var summary =
            $"Crash test ({plan.Form} form, {last?.Provider ?? database.Provider}, seed {seed}, {clock.Elapsed.TotalSeconds:0} s): " +
            $"kills survived {kills}; acknowledged {ledger.Acknowledged.Count} reports and {ledger.AcknowledgedFiles.Count} evidence files; " +
            $"lost {lost} ({lostReports.Count} reports, {lostFiles.Count} files); unacknowledged but stored {ledger.StoredUnacknowledged.Count} reports " +
            $"and {ledger.StoredUnacknowledgedFiles} files; {ledger.Attempted} reports attempted, {ledger.InFlightAtKill} requests cut off by the kills; " +
            $"{ledger.ServerErrors.Count} unexpected answers during load.";
        Log(summary);
        foreach (var problem in problems.Take(50)) Log("  " + problem);

        Assert.True(lost == 0 && problems.Count == 0 && kills >= 3 && ledger.Acknowledged.Count > 0,
            summary + (problems.Count > 0 ? "\n" + string.Join('\n', problems.Take(20)) : ""));
    }

    // /health, a signed-in page with the cookie of a sign-in from before the kills, and the API.
    private static async Task<List<string>> ServesAgainAsync(AppProcess app, IReadOnlyList<CrashUser> users, int round)
    {
        var problems = new List<string>();
        using (var client = app.CreateClient())
        using (var health = await client.GetAsync("health"))
            if (health.StatusCode != HttpStatusCode.OK) problems.Add($"Kill {round}: /health answered {(int)health.StatusCode}");
        foreach (var user in users.Where(u => u.UsesForm))
        {
            using var browser = user.BrowserClient(app);
            using var page = await browser.GetAsync("mina-rapporter");
            if (page.StatusCode != HttpStatusCode.OK)
                problems.Add($"Kill {round}: {user.Email} signed in before the kill got {(int)page.StatusCode} {page.Headers.Location} for /mina-rapporter");
        }
        return problems;
    }

    private void Log(string line) => output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
}
