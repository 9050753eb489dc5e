using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varna.Data;

namespace Varna.Tests.Infrastructure;

// The real app over HTTP, on a real database of its own, in demo mode (the demo accounts exist)
// unless a test class asks otherwise. Mail is written to a per-factory folder the test can read.
public class VarnaFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");
    public string MailDirectory { get; } = Directory.CreateTempSubdirectory("varna-mail-").FullName;
    protected virtual bool DemoEnabled => true;
    public virtual string MasterKey => Database.MasterKey;
    // The demo desk of cases stays out unless a test class asks for it, so tests count only their own cases.
    protected virtual bool DemoCases => false;
    protected virtual void ConfigureTestServices(IServiceCollection services) { }

    protected virtual bool OwnsDatabase => true;
    public static readonly string[] RateLimitNames = ["SignIn", "SignInPerEmail", "Reports", "Evidence", "Anonymous", "Health"];
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _ = Services; // start the host now: migrations and demo seeding happen here, not in a test
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Varna", Database.ConnectionString);
        builder.UseSetting("Demo:Enabled", DemoEnabled ? "true" : "false");
        builder.UseSetting("Demo:Cases", DemoCases ? "true" : "false");
        builder.UseSetting("Smtp:PickupDirectory", MailDirectory);
        // The daily retention job stays off; retention tests run RetentionSweep themselves on a fake clock.
        builder.UseSetting("Retention:Enabled", "false");
        builder.UseSetting("Varna:PublicBaseUrl", "http://localhost");
        // Each app under test has its own master key, as each has its own database.
        builder.UseSetting(Varna.Features.Keys.MasterKey.EnvironmentVariable, MasterKey);
        // Every test client is one address and signs in many times: limits out of reach, except
        // in the rate limit tests, which set their own after these.
        foreach (var limit in RateLimitNames) builder.UseSetting($"RateLimits:{limit}:PermitLimit", "1000000");
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    public HttpClient CreatePageClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    // A DbContext that sees the given organisation's rows (null: none), for arranging and asserting.
    public async Task<T> WithDbAsync<T>(Guid? organisationId, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await using AppDbContext db = Database.Provider == "Postgres"
            ? new PostgresAppDbContext(sp.GetRequiredService<DbContextOptions<PostgresAppDbContext>>(), new FixedOrganisation(organisationId), sp.GetRequiredService<Varna.Features.Keys.FieldProtection>())
            : new SqliteAppDbContext(sp.GetRequiredService<DbContextOptions<SqliteAppDbContext>>(), new FixedOrganisation(organisationId), sp.GetRequiredService<Varna.Features.Keys.FieldProtection>());
        return await work(db);
    }

    // Sends what the notification outbox holds now instead of waiting for the background worker,
    // and waits for any notification the worker is sending at this moment to be done.
    public async Task DeliverNotificationsAsync()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Varna.Features.Notifications.NotificationDispatcher>()
                .DispatchPendingAsync(CancellationToken.None);
            var unsent = await WithDbAsync(null, db => db.Notifications.CountAsync(n => n.SentAt == null && n.LastError == null));
            if (unsent == 0) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("Notifications were still being sent after 10 seconds.");
    }

    // The sent messages decoded (subject and body may be encoded on the wire), oldest first.
    public MimeKit.MimeMessage[] SentMessages() =>
        Directory.GetFiles(MailDirectory, "*.eml").OrderBy(File.GetCreationTimeUtc).Select(f => MimeKit.MimeMessage.Load(f)).ToArray();

    public string[] SentMail() =>
        Directory.GetFiles(MailDirectory, "*.eml").OrderBy(File.GetCreationTimeUtc).Select(File.ReadAllText).ToArray();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && OwnsDatabase) await _database.DisposeAsync();
        try { Directory.Delete(MailDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class ProductionLikeFactory : VarnaFactory
{
    protected override bool DemoEnabled => false;
}

// The app over a database someone else prepared (e.g. with the CLI) and will dispose.
public sealed class ExistingDatabaseFactory(TestDatabase database, bool demo = false, string? masterKey = null) : VarnaFactory
{
    protected override bool DemoEnabled => demo;
    public override string MasterKey => masterKey ?? base.MasterKey;
    protected override bool OwnsDatabase => false;
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);
}
