using System.Net.Http.Headers;
using System.Text.Json;

namespace Varna.Tests.Cli;

public sealed class CliTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Admin_create_makes_organisation_and_admin_whose_link_sets_a_password_and_token_create_gives_api_access()
    {
        var migrate = await CliRunner.RunAsync(_database, "migrate");
        Assert.Equal(0, migrate.ExitCode);

        var admin = await CliRunner.RunAsync(_database, "admin", "create", "--org", "Ny kommun", "--kind", "municipality", "--email", "chef@nykommun.se");
        Assert.True(admin.ExitCode == 0, admin.Stderr);
        var link = new Uri(admin.LastLine);
        Assert.Equal("/konto/valj-losenord", link.AbsolutePath);

        var token = await CliRunner.RunAsync(_database, "token", "create", "--email", "chef@nykommun.se", "--name", "Integration");
        Assert.True(token.ExitCode == 0, token.Stderr);
        Assert.StartsWith("varna_", token.LastLine);

        await using var app = new ExistingDatabaseFactory(_database, demo: true);
        await app.InitializeAsync();

        // The one-time link lets the admin choose a password, then sign in.
        var browser = app.CreatePageClient();
        var chosen = await browser.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "Nytt-losen-2026!",
            ["Input.Confirm"] = "Nytt-losen-2026!",
        });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        await app.SignedInAsync("chef@nykommun.se", "Nytt-losen-2026!");

        // The printed token is the admin's, with the organisation and role.
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.LastLine);
        var me = JsonDocument.Parse(await api.GetStringAsync("/api/v1/me")).RootElement;
        Assert.Equal("chef@nykommun.se", me.GetProperty("email").GetString());
        Assert.Equal("Ny kommun", me.GetProperty("organisation").GetProperty("name").GetString());
        Assert.Equal("municipality", me.GetProperty("organisation").GetProperty("kind").GetString());
        Assert.Contains("OrgAdmin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // Outside demo mode an admin's token works only once the admin has set up two-factor sign-in.
        await using var production = new ExistingDatabaseFactory(_database, demo: false);
        await production.InitializeAsync();
        var strict = production.CreateClient();
        strict.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.LastLine);
        var refused = await strict.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("two-factor", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_create_with_an_unknown_kind_fails_and_names_the_option()
    {
        var result = await CliRunner.RunAsync(_database, "admin", "create", "--org", "X", "--kind", "county", "--email", "a@b.se");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--kind", result.Stderr);
    }

    [Fact]
    public async Task Admin_create_without_email_fails_and_names_the_option()
    {
        var result = await CliRunner.RunAsync(_database, "admin", "create", "--org", "X", "--kind", "region");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--email is required", result.Stderr);
    }

    [Fact]
    public async Task Admin_create_for_an_existing_organisation_of_another_kind_is_refused()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_database, "admin", "create", "--org", "Norrby", "--kind", "municipality", "--email", "a@norrby.se")).ExitCode);
        var result = await CliRunner.RunAsync(_database, "admin", "create", "--org", "Norrby", "--kind", "region", "--email", "b@norrby.se");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("municipality", result.Stderr);
    }

    [Fact]
    public async Task Token_create_for_an_unknown_account_fails_without_printing_a_token()
    {
        var result = await CliRunner.RunAsync(_database, "token", "create", "--email", "ingen@nowhere.se");
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("varna_", result.Stdout);
        Assert.Contains("no active account", result.Stderr);
    }

    [Fact]
    public async Task Seed_demo_fills_an_empty_database_once()
    {
        var first = await CliRunner.RunAsync(_database, "seed-demo");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var second = await CliRunner.RunAsync(_database, "seed-demo");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("not empty", second.Stderr);

        await using var app = new ExistingDatabaseFactory(_database);
        await app.InitializeAsync();
        await app.SignedInAsync(Demo.Admin);
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(_database, "token", "create", "--email", "a@b.se", "--colour", "red");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--colour", result.Stderr);
    }

    [Fact]
    public async Task Production_refuses_to_start_with_missing_settings_and_says_which()
    {
        var result = await CliRunner.RunAsync(_database, "Production",
            new Dictionary<string, string> { ["Varna:PublicBaseUrl"] = "http://localhost:5080", ["Demo:Enabled"] = "true" }, "migrate");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Värna will not start in Production", result.Stderr);
        Assert.Contains("Demo:Enabled", result.Stderr);
        Assert.Contains("Varna:PublicBaseUrl", result.Stderr);
        Assert.Contains("Smtp:Host", result.Stderr);
    }

    [Fact]
    public async Task Production_seed_demo_is_refused()
    {
        var result = await CliRunner.RunAsync(_database, "Production",
            new Dictionary<string, string>
            {
                ["Varna:PublicBaseUrl"] = "https://varna.example.se",
                ["Smtp:Host"] = "smtp.example.se",
                // The test cluster trusts loopback; production requires a password in the string.
                ["ConnectionStrings:Varna"] = _database.ConnectionString + (_database.Provider == "Postgres" ? ";Password=trust-ignores-this" : ""),
            }, "seed-demo");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused in Production", result.Stderr);
    }
}
