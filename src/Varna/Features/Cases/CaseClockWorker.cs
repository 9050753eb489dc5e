namespace Varna.Features.Cases;

// Runs the case clock once at start-up and then every minute, on the injected TimeProvider. A
// failed run is logged and the next one tries again; every node may run it (see CaseClock).
public sealed class CaseClockWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<CaseClockWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var queued = await scope.ServiceProvider.GetRequiredService<CaseClock>().RunAsync(stoppingToken);
                    if (queued > 0) logger.LogInformation("The case clock queued {Count} notification(s).", queued);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The case clock failed; it runs again in a minute.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
