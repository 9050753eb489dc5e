using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Varna.Tests.Reports;
using Xunit.Abstractions;

namespace Varna.Tests.Reliability;

// Killing one of two nodes in the middle of a load of report submissions: clients spread over both
// nodes in turn and, when a node does not answer, send the same request to the other one, the way
// a load balancer retries. Every acknowledged report must be readable afterwards; the survivor must
// go on serving without a single 5xx.
[Trait("Category", "Process")]
[Collection(TwoNodeCollection.Name)]
public sealed class TwoNodeFailoverTests(TwoNodeFailoverTests.Cluster cluster, ITestOutputHelper output) : IClassFixture<TwoNodeFailoverTests.Cluster>
{
    public sealed class Cluster : TwoNodeCluster;

    private const int Clients = 6;
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AfterKill = TimeSpan.FromSeconds(6);

    private sealed record Acknowledged(Guid ReportId, int Client, string Node);

    [Fact]
    public async Task Killing_one_node_under_load_loses_no_acknowledged_report_and_the_other_keeps_serving()
    {
        string[] reporters = [Demo.Representative, Demo.RegionRepresentative];
        var tokens = new List<string>();
        foreach (var email in reporters) tokens.Add(await TwoNodeDatabase.TokenAsync(cluster.Database, email));
        var nodes = new[] { cluster.A, cluster.B };
        var clients = Enumerable.Range(0, Clients)
            .Select(i => nodes.Select(n => TwoNodeCluster.Api(n, tokens[i % tokens.Count])).ToArray()).ToArray();

        var acknowledged = new ConcurrentBag<Acknowledged>();
        var serverErrors = new ConcurrentBag<string>();
        var refused = new ConcurrentDictionary<string, int>();
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
                        refused.AddOrUpdate(node.Name, 1, (_, n) => n + 1);
                        if (attempt == 0) Interlocked.Increment(ref retried);
                        continue;
                    }
                    if ((int)response.StatusCode >= 500) serverErrors.Add($"{node.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();
                        acknowledged.Add(new Acknowledged(id, client, node.Name));
                        if (Volatile.Read(ref killed) && node == cluster.B) Interlocked.Increment(ref survivorAfterKill);
                    }
                    break;
                }
            }
        }

        var clock = Stopwatch.StartNew();
        var load = Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(c))).ToArray();
        await Task.Delay(BeforeKill);
        var beforeKill = acknowledged.Count;
        await cluster.A.KillAsync();
        Volatile.Write(ref killed, true);
        await Task.Delay(AfterKill);
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
        // The database is this class's own and has no demo cases: every report in it is the load's.
        var stored = await TwoNodeDatabase.WithAsync(cluster.Database, db => db.Reports.IgnoreQueryFilters().CountAsync());

        output.WriteLine($"[{cluster.Database.Provider}] {Clients} clients for {clock.Elapsed.TotalSeconds:F1} s, node A killed (SIGKILL) after {BeforeKill.TotalSeconds:F0} s");
        output.WriteLine($"[{cluster.Database.Provider}] acknowledged: {acknowledged.Count} (A: {acknowledged.Count(a => a.Node == "A")}, B: {acknowledged.Count(a => a.Node == "B")}), " +
            $"before the kill: {beforeKill}; lost: {lost.Count}; served by B after the kill: {survivorAfterKill}");
        output.WriteLine($"[{cluster.Database.Provider}] requests that got no answer: {string.Join(", ", refused.Select(r => $"{r.Key} {r.Value}"))}; " +
            $"retried on the other node: {retried}; 5xx: {serverErrors.Count}");
        output.WriteLine($"[{cluster.Database.Provider}] report rows in the database: {stored} (acknowledged {acknowledged.Count}; more means a report stored but not acknowledged before the kill)");

        Assert.True(beforeKill > 0, "No report was acknowledged before the kill; the load never started.");
        Assert.Contains(acknowledged, a => a.Node == "A");
        Assert.Empty(lost);
        Assert.Empty(serverErrors);
        Assert.True(survivorAfterKill >= Clients, $"Node B acknowledged only {survivorAfterKill} reports after A was killed.\n{cluster.B.RecentOutput}");
        Assert.False(cluster.B.HasExited);
        Assert.Equal(HttpStatusCode.OK, (await cluster.B.CreateClient().GetAsync("/health")).StatusCode);
        Assert.True(stored >= acknowledged.Count);
    }
}
