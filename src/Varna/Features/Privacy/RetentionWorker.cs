namespace Varna.Features.Privacy;

// Runs the retention rule at start-up and then once a day, on the injected TimeProvider. A failed
// run is logged and the next one continues where it stopped (see RetentionSweep). Safe on several
// nodes: two nodes erasing the same case race on the case's version, and one of them gives way.
public sealed class RetentionWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

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
                    var erased = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(stoppingToken);
                    if (erased > 0) logger.LogInformation("Retention: erased the personal data of {Count} case(s).", erased);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Retention failed; it runs again tomorrow and continues where it stopped.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
