using Microsoft.Playwright;

namespace Varna.BrowserTests.Infrastructure;

// One app and one Chromium for the whole collection; every test gets a fresh browser context
// (its own cookies), so tests cannot see each other's sign-ins or language choice.
public sealed class BrowserFixture : IAsyncLifetime
{
    // Debian's Chromium, never a downloaded one: the machine has no internet and runs as root.
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly VarnaServer _server = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => _server.BaseAddress;

    public async Task InitializeAsync()
    {
        // Make sure nothing tries to fetch a browser of Playwright's own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _server.Start();
        // Without the stylesheet the contrast checks would pass on browser defaults.
        using (var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.All }) { BaseAddress = BaseAddress })
        {
            var css = await http.GetStringAsync("/css/site.css");
            if (!css.Contains(":root")) throw new InvalidOperationException("The stylesheet is not served.");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task<BrowserSession> OpenAsync(bool javaScript = true, int width = 1280, int height = 900)
    {
        var context = await NewContextAsync(javaScript, width, height);
        // axe is JavaScript, so a session without it is scanned in a second, scripted tab.
        var scanner = javaScript ? null : await (await NewContextAsync(true, width, height)).NewPageAsync();
        return new BrowserSession(context, await context.NewPageAsync(), scanner);
    }

    private async Task<IBrowserContext> NewContextAsync(bool javaScript, int width, int height)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "sv-SE",
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
