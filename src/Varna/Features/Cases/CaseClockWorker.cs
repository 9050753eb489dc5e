using Microsoft.Extensions.Options;

namespace Varna.Features.Cases;

// Runs the case clock once at start-up and then on every whole interval of the injected
// TimeProvider (by default at the top of each minute). A failed run is logged and the next one
// tries again. Every node may run it (see CaseClock), and because the runs are aligned to the
// clock rather than to each node's start, the nodes do run it at the same moment: the claims
// that keep a notice to one are exercised on every run, not once in a while.
public sealed class CaseClockWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<CaseClockOptions> options, ILogger<CaseClockWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.ClockIntervalSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                var sinceTick = TimeSpan.FromTicks(time.GetUtcNow().UtcTicks % interval.Ticks);
                await Task.Delay(interval - sinceTick, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var queued = await scope.ServiceProvider.GetRequiredService<CaseClock>().RunAsync(stoppingToken);
            if (queued > 0) logger.LogInformation("The case clock queued {Count} notification(s).", queued);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The case clock failed; it runs again at its next tick.");
        }
    }
}
