using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Varna.BrowserTests.Infrastructure;

// The real app on a real Kestrel port (a browser cannot talk to the in-memory TestServer), in demo
// mode on a SQLite file of its own, with mail written to a folder instead of sent.
public sealed class VarnaServer : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("varna-browser-").FullName;

    public VarnaServer() => UseKestrel(0);

    public Uri BaseAddress { get; private set; } = null!;
    public string MailDirectory => Path.Combine(_directory, "mail");

    public void Start()
    {
        Directory.CreateDirectory(MailDirectory);
        StartServer(); // migrations and demo seeding run here, before any test
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        // Kestrel may report the wildcard or localhost; the browser gets the loopback address itself.
        var bound = new Uri(address);
        BaseAddress = new UriBuilder("http", "127.0.0.1", bound.Port).Uri;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the build output's static assets (and their compressed variants,
        // which a browser asks for) are only found with the static web assets manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Varna", $"Data Source={Path.Combine(_directory, "varna.db")};Pooling=False");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Cases", "false");
        builder.UseSetting("Smtp:PickupDirectory", MailDirectory);
        builder.UseSetting("Varna:PublicBaseUrl", "http://127.0.0.1");
        builder.UseSetting(Varna.Features.Keys.MasterKey.EnvironmentVariable, Varna.Features.Keys.MasterKey.NewEncoded());
        // The walk-throughs sign in and submit far more often than a person would.
        foreach (var limit in new[] { "SignIn", "SignInPerEmail", "Reports", "Evidence", "Anonymous", "Health" })
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", "1000000");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
