using System.Net.Http.Json;
using System.Text.Json;
using Varna.Tests.Reports;

namespace Varna.Tests.Keys;

// The master key as an operator meets it: through the CLI and the app's start, on a real database.
public sealed class MasterKeyTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_wrong_master_key_stops_the_start_naming_both_keys_and_changes_nothing()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_database, "keys", "rotate")).ExitCode);
        var before = await KeyXmlAsync();

        var wrong = Varna.Features.Keys.MasterKey.NewEncoded();
        var refused = await CliRunner.RunAsync(_database, "Testing", new Dictionary<string, string> { ["VARNA_MASTER_KEY"] = wrong }, "migrate");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("does not open this database's keys", refused.Stderr);
        Assert.Contains(Fingerprint(_database.MasterKey), refused.Stderr);
        Assert.Contains(Fingerprint(wrong), refused.Stderr);
        Assert.Equal(before, await KeyXmlAsync());
    }

    [Fact]
    public async Task Production_without_a_master_key_is_refused_with_how_to_make_one()
    {
        var refused = await CliRunner.RunAsync(_database, "Production", new Dictionary<string, string> { ["VARNA_MASTER_KEY"] = "" }, "migrate");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("VARNA_MASTER_KEY", refused.Stderr);
        Assert.Contains("keys new-master", refused.Stderr);
    }

    [Theory]
    [InlineData("inte-base64!", "is not base64")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", "is 16 bytes; it must be 32")]
    public async Task A_malformed_master_key_is_named(string key, string problem)
    {
        var refused = await CliRunner.RunAsync(_database, "Testing", new Dictionary<string, string> { ["VARNA_MASTER_KEY"] = key }, "migrate");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("VARNA_MASTER_KEY", refused.Stderr);
        Assert.Contains(problem, refused.Stderr);
    }

    [Fact]
    public async Task A_master_key_file_that_does_not_exist_is_named()
    {
        var refused = await CliRunner.RunAsync(_database, "Testing",
            new Dictionary<string, string> { ["VARNA_MASTER_KEY"] = "", ["Security:MasterKeyFile"] = "/nonexistent/varna-master.key" }, "migrate");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("/nonexistent/varna-master.key, which does not exist", refused.Stderr);
    }

    [Fact]
    public async Task New_master_prints_a_fresh_32_byte_key()
    {
        var first = await CliRunner.RunAsync(_database, "keys", "new-master");
        var second = await CliRunner.RunAsync(_database, "keys", "new-master");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(32, Convert.FromBase64String(first.LastLine).Length);
        Assert.NotEqual(first.LastLine, second.LastLine);
    }

    [Fact]
    public async Task After_rotating_the_data_key_and_then_the_master_key_old_and_new_reports_stay_readable()
    {
        var first = await SubmitAsync(_database.MasterKey, "Första rapporten, före rotationen.");

        var rotate = await CliRunner.RunAsync(_database, "keys", "rotate");
        Assert.True(rotate.ExitCode == 0, rotate.Stderr);
        Assert.Contains("Data protected with older keys stays readable", rotate.Stdout);
        Assert.Equal(2, (await KeyXmlAsync()).Count);
        var second = await SubmitAsync(_database.MasterKey, "Andra rapporten, efter rotationen.");

        var newKey = Varna.Features.Keys.MasterKey.NewEncoded();
        var keyFile = Path.Combine(Directory.CreateTempSubdirectory("varna-key-").FullName, "master.key");
        await File.WriteAllTextAsync(keyFile, newKey);
        var rewrap = await CliRunner.RunAsync(_database, "keys", "rotate", "--master-key-file", keyFile);
        Assert.True(rewrap.ExitCode == 0, rewrap.Stderr);
        Assert.Contains(Fingerprint(newKey), rewrap.Stdout);

        // The old master key no longer opens the keys; the new one opens all of them.
        var old = await CliRunner.RunAsync(_database, "migrate");
        Assert.Equal(1, old.ExitCode);
        Assert.Contains("does not open this database's keys", old.Stderr);
        Assert.Equal("Första rapporten, före rotationen.", await DescriptionAsync(newKey, first));
        Assert.Equal("Andra rapporten, efter rotationen.", await DescriptionAsync(newKey, second));
    }

    [Fact]
    public async Task A_value_stored_before_encryption_still_reads_and_reencrypt_seals_it()
    {
        var id = await SubmitAsync(_database.MasterKey, "Skrivs om i klartext nedan.");
        await using (var app = new ExistingDatabaseFactory(_database, demo: true))
        {
            await app.InitializeAsync();
            await app.WithDbAsync(null, db => db.Database.ExecuteSqlRawAsync(
                "UPDATE reports SET description = 'Gammal rad i klartext' WHERE id = {0}", id));
        }
        Assert.Equal("Gammal rad i klartext", await DescriptionAsync(_database.MasterKey, id));

        var reencrypt = await CliRunner.RunAsync(_database, "keys", "reencrypt");
        Assert.True(reencrypt.ExitCode == 0, reencrypt.Stderr);

        Assert.StartsWith("enc1:", await RawDescriptionAsync(id));
        Assert.Equal("Gammal rad i klartext", await DescriptionAsync(_database.MasterKey, id));
    }

    private async Task<Guid> SubmitAsync(string masterKey, string description)
    {
        await using var app = new ExistingDatabaseFactory(_database, demo: true, masterKey);
        await app.InitializeAsync();
        var client = await app.ApiClientAsync(Demo.Representative);
        return (await client.SubmitReportAsync(ReportsArrange.ValidReport(description))).Id();
    }

    private async Task<string?> DescriptionAsync(string masterKey, Guid reportId)
    {
        await using var app = new ExistingDatabaseFactory(_database, demo: true, masterKey);
        await app.InitializeAsync();
        var client = await app.ApiClientAsync(Demo.Representative);
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{reportId}");
        return report.GetProperty("description").GetString();
    }

    private async Task<string> RawDescriptionAsync(Guid reportId)
    {
        await using var app = new ExistingDatabaseFactory(_database, demo: true);
        await app.InitializeAsync();
        return await app.WithDbAsync(null, db => db.Database
            .SqlQueryRaw<string>("SELECT description AS \"Value\" FROM reports WHERE id = {0}", reportId).SingleAsync());
    }

    private async Task<List<string>> KeyXmlAsync()
    {
        await using var app = new ExistingDatabaseFactory(_database);
        await app.InitializeAsync();
        return await app.WithDbAsync(null, db => db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml!).ToListAsync());
    }

    private static string Fingerprint(string encoded) =>
        new Varna.Features.Keys.MasterKey(Convert.FromBase64String(encoded), "test").Fingerprint;
}
