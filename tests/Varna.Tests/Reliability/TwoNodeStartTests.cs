using Xunit.Abstractions;

namespace Varna.Tests.Reliability;

// Two nodes started at the same moment on a new database: one migrates, makes the first key and
// seeds while the other waits (StartupLock), so both come up and agree on one key ring.
[Trait("Category", "Process")]
[Collection(TwoNodeCollection.Name)]
public sealed class TwoNodeStartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_nodes_started_together_on_a_new_database_both_serve_with_one_key_and_one_demo()
    {
        await using var database = await TestDatabase.CreateAsync();
        var mail = Directory.CreateTempSubdirectory("varna-two-node-start-mail-").FullName;
        var settings = new Dictionary<string, string> { ["Smtp:PickupDirectory"] = mail };
        var starting = new[] { AppProcess.StartAsync(database, "A", settings), AppProcess.StartAsync(database, "B", settings) };
        var started = new List<AppProcess>();
        var failures = new List<string>();
        foreach (var node in starting)
        {
            try { started.Add(await node); }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException) { failures.Add(e.Message); }
        }
        await using var a = started.ElementAtOrDefault(0);
        await using var b = started.ElementAtOrDefault(1);
        Assert.True(failures.Count == 0, $"Of two nodes started together, {failures.Count} did not come up:\n{string.Join("\n", failures)}");

        var (keys, organisations, roles) = await TwoNodeDatabase.WithAsync(database, async db => (
            await db.DataProtectionKeys.CountAsync(),
            await db.Organisations.IgnoreQueryFilters().CountAsync(),
            await db.Roles.CountAsync()));
        var cookies = new CookieContainer();
        using var onA = a!.CreateClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies });
        using var onB = b!.CreateClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies });
        var signIn = await onA.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.Officer,
            ["Input.Password"] = Demo.Password,
        });
        var onOther = await onB.GetAsync("/arenden");
        output.WriteLine($"[{database.Provider}] started together: data-protection keys {keys} (expected 1), organisations {organisations} (expected 2), " +
            $"roles {roles} (expected {Roles.All.Count}); sign-in on A gives /arenden on B: {(int)onOther.StatusCode}");
        try { Directory.Delete(mail, recursive: true); } catch (IOException) { }

        Assert.Equal(1, keys);
        Assert.Equal(2, organisations);
        Assert.Equal(Roles.All.Count, roles);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onOther.StatusCode);
    }
}
