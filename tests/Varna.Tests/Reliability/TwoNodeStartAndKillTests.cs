using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Varna.Tests.Reports;
using Xunit.Abstractions;

namespace Varna.Tests.Reliability;

// Two nodes started at the same moment on a new database, then one of them killed in the middle of
// a load of report submissions. Clients spread over both nodes in turn and, when a node does not
// answer, send the same request to the other one, the way a load balancer retries. Every
// acknowledged report must be readable afterwards; the survivor must go on serving without a 5xx.
[Trait("Category", "Process")]
[Collection(AppProcessCollection.Name)]
public sealed class TwoNodeStartAndKillTests(TwoNodeStartAndKillTests.Cluster cluster, ITestOutputHelper output)
    : IClassFixture<TwoNodeStartAndKillTests.Cluster>
{
    public sealed class Cluster : TwoNodeCluster
    {
        protected override bool StartTogether => true;
    }

    private const int Clients = 6;

    private sealed record Acknowledged(Guid ReportId, int Client, string Node);

    // One node migrated, made the first key and seeded while the other waited (StartupLock): both
    // came up (else the fixture failed), and there is one key ring and one demo. The kill test does
    // not change any of these counts, so the order of the two tests does not matter.
    [Fact]
    public async Task Two_nodes_started_together_on_a_new_database_share_one_key_and_one_demo()
    {
        var (keys, organisations, users, roles) = await TwoNodeDatabase.WithAsync(cluster.Database, async db => (
            await db.DataProtectionKeys.CountAsync(),
            await db.Organisations.IgnoreQueryFilters().CountAsync(),
            await db.Users.CountAsync(),
            await db.Roles.CountAsync()));
        output.WriteLine($"[{cluster.Database.Provider}] started together: data-protection keys {keys} (expected 1), " +
            $"organisations {organisations} (expected 2), users {users} (expected 8), roles {roles} (expected {Roles.All.Count})");

        Assert.Equal(1, keys);
        Assert.Equal(2, organisations);
        Assert.Equal(8, users);
        Assert.Equal(Roles.All.Count, roles);
    }

    [Fact]
    public async Task Killing_one_node_under_load_loses_no_acknowledged_report_and_the_other_keeps_serving()
    {
        string[] reporters = [Demo.Representative, Demo.RegionRepresentative];
        var tokens = new List<string>();
        foreach (var email in reporters) tokens.Add(await TwoNodeDatabase.TokenAsync(cluster.Database, email));
        var nodes = new[] { cluster.A, cluster.B };
        var clients = Enumerable.Range(0, Clients)
            .Select(i => nodes.Select(n => TwoNodeCluster.Api(n, tokens[i % tokens.Count])).ToArray()).ToArray();
        // Warm both nodes up, so the load measures serving rather than first-request compilation.
        foreach (var node in clients[0]) Assert.Equal(HttpStatusCode.Created, (await node.PostReportAsync(ReportsArrange.ValidReport())).StatusCode);

        var acknowledged = new ConcurrentBag<Acknowledged>();
        var serverErrors = new ConcurrentBag<string>();
        var unanswered = new ConcurrentDictionary<string, int>();
        var survivorAfterKill = 0;
        var retried = 0;
        var killed = false;
        var turn = 0;
        using var stop = new CancellationTokenSource();

        async Task ClientAsync(int client)
        {
            while (!stop.IsCancellationRequested)
            {
                var first = Interlocked.Increment(ref turn) % 2;
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    var index = (first + attempt) % 2;
                    var node = nodes[index];
                    HttpResponseMessage response;
                    try
                    {
                        response = await clients[client][index].PostReportAsync(ReportsArrange.ValidReport($"Lasttest {client}: hot via e-post."));
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        // The node is gone (refused, reset or no answer): the balancer tries the other one.
                        unanswered.AddOrUpdate(node.Name, 1, (_, n) => n + 1);
                        if (attempt == 0) Interlocked.Increment(ref retried);
                        continue;
                    }
                    if ((int)response.StatusCode >= 500) serverErrors.Add($"{node.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();
                        acknowledged.Add(new Acknowledged(id, client, node.Name));
                        if (Volatile.Read(ref killed) && index == 1) Interlocked.Increment(ref survivorAfterKill);
                    }
                    break;
                }
            }
        }

        var clock = Stopwatch.StartNew();
        var load = Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(c))).ToArray();
        // The kill comes when both nodes are busy: A has acknowledged a few rounds of every client.
        await WaitAsync(() => acknowledged.Count(a => a.Node == "A") >= 2 * Clients, TimeSpan.FromSeconds(30));
        var beforeKill = acknowledged.Count;
        await cluster.A.KillAsync();
        var killedAt = clock.Elapsed;
        Volatile.Write(ref killed, true);
        await WaitAsync(() => Volatile.Read(ref survivorAfterKill) >= 4 * Clients, TimeSpan.FromSeconds(30));
        stop.Cancel();
        await Task.WhenAll(load);
        clock.Stop();

        // Every report the clients were told was stored is there, read back through the survivor.
        var lost = new List<Guid>();
        foreach (var ack in acknowledged)
        {
            var read = await clients[ack.Client][1].GetAsync($"/api/v1/reports/{ack.ReportId}");
            if (read.StatusCode != HttpStatusCode.OK) lost.Add(ack.ReportId);
        }
        // The database is this class's own and has no demo cases: every report in it is the load's
        // (and the two warm-up reports).
        var stored = await TwoNodeDatabase.WithAsync(cluster.Database, db => db.Reports.IgnoreQueryFilters().CountAsync()) - nodes.Length;

        var p = cluster.Database.Provider;
        output.WriteLine($"[{p}] {Clients} clients for {clock.Elapsed.TotalSeconds:F1} s; node A killed (SIGKILL) at {killedAt.TotalSeconds:F1} s");
        output.WriteLine($"[{p}] acknowledged: {acknowledged.Count} (by A {acknowledged.Count(a => a.Node == "A")}, by B {acknowledged.Count(a => a.Node == "B")}); " +
            $"before the kill {beforeKill}; lost {lost.Count}; served by B after the kill {survivorAfterKill}");
        output.WriteLine($"[{p}] requests without an answer: {string.Join(", ", unanswered.Select(r => $"{r.Key} {r.Value}"))}; " +
            $"sent again to the other node: {retried}; 5xx: {serverErrors.Count}");
        output.WriteLine($"[{p}] reports stored: {stored} (acknowledged {acknowledged.Count}; the difference was stored by A but not acknowledged before the kill, and sent again)");

        Assert.True(acknowledged.Count(a => a.Node == "A") >= 2 * Clients, "Node A acknowledged too little before the kill; the load never reached it.");
        Assert.Empty(lost);
        Assert.Empty(serverErrors);
        Assert.True(survivorAfterKill >= 4 * Clients, $"Node B acknowledged only {survivorAfterKill} reports after A was killed.\n{cluster.B.RecentOutput}");
        Assert.False(cluster.B.HasExited);
        using var health = cluster.B.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("/health")).StatusCode);
        Assert.True(stored >= acknowledged.Count, $"{stored} reports stored, {acknowledged.Count} acknowledged.");
    }

    private static async Task WaitAsync(Func<bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done() && DateTime.UtcNow < deadline) await Task.Delay(50);
    }
}
