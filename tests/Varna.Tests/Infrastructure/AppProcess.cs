using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace Varna.Tests.Infrastructure;

// The app as its own operating-system process on a real port, the way it runs in production:
// the build's Varna.dll (Release under ./test.sh) on a test database. Crash and multi-node tests
// need this because a SIGKILL must take the whole process, not a test host's in-memory server.
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _workingDirectory;

    private AppProcess(Process process, string name, Uri baseAddress, string workingDirectory)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        Name = name;
        BaseAddress = baseAddress;
    }

    public string Name { get; }
    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    // The last lines the process wrote (stdout and stderr), for failure messages.
    public string RecentOutput => string.Join('\n', _output);

    // Starts a node and waits until /health answers 200. Start one node at a time on a new
    // database: the first start migrates (and seeds the demo when Demo:Enabled is true).
    public static async Task<AppProcess> StartAsync(TestDatabase database, string name,
        IDictionary<string, string>? settings = null, TimeSpan? startTimeout = null)
    {
        var port = FreePort();
        var all = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Demo:Enabled"] = "true",
            ["Demo:Cases"] = "false",
            ["Retention:Enabled"] = "false",
            ["Smtp:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "varna-process-mail", name + "-" + port),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        // Test clients are one address and far busier than people.
        foreach (var limit in VarnaFactory.RateLimitNames) all[$"RateLimits:{limit}:PermitLimit"] = "1000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;

        var start = CliRunner.StartInfo(database, "Testing", all);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Varna.dll.");
        var app = new AppProcess(process, name, new Uri($"http://127.0.0.1:{port}/"), start.WorkingDirectory);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync(startTimeout ?? TimeSpan.FromSeconds(90));
        return app;
    }

    public HttpClient CreateClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    // SIGKILL: no shutdown hooks, no flushing, the way a power cut or the OOM killer ends it.
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Node {Name} exited with code {_process.ExitCode} while starting:\n{RecentOutput}");
            try
            {
                using var response = await client.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        await KillAsync();
        throw new TimeoutException($"Node {Name} did not become healthy within {timeout}:\n{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try { Directory.Delete(_workingDirectory, recursive: true); } catch (IOException) { }
    }
}
