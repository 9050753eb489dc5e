namespace Varna.Tests.Reliability;

// Two app processes on one database (PostgreSQL under VARNA_TEST_PG, else one SQLite file), the
// way several nodes run behind a load balancer. A starts first (it migrates and seeds the demo),
// then B; or, with StartTogether, both at the same moment on the new database. Both write mail to
// the same pickup directory, so mail from either is counted together, and both run the case clock
// every second.
public class TwoNodeCluster : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;
    public string MailDirectory { get; } = Directory.CreateTempSubdirectory("varna-two-node-mail-").FullName;

    public Dictionary<string, string> Settings => new()
    {
        ["Smtp:PickupDirectory"] = MailDirectory,
        ["Cases:ClockIntervalSeconds"] = "1",
    };

    protected virtual bool StartTogether => false;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        if (!StartTogether)
        {
            A = await AppProcess.StartAsync(Database, "A", Settings);
            B = await AppProcess.StartAsync(Database, "B", Settings);
            return;
        }
        var starting = new[] { AppProcess.StartAsync(Database, "A", Settings), AppProcess.StartAsync(Database, "B", Settings) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            // The node that did come up is stopped before the failure is reported.
            foreach (var node in starting.Where(t => t.IsCompletedSuccessfully)) await (await node).DisposeAsync();
            throw;
        }
        A = await starting[0];
        B = await starting[1];
    }

    // An API client on one node with the given token.
    public static HttpClient Api(AppProcess node, string token)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
        try { Directory.Delete(MailDirectory, recursive: true); } catch (IOException) { }
    }
}

// The classes that start app processes run one after another, not side by side on two cores.
[CollectionDefinition(Name)]
public sealed class AppProcessCollection
{
    public const string Name = "App processes";
}
