namespace Varna.Features.Keys;

// Once a day, on every node: make the next data-protection key in good time (see KeyRing).
public sealed class KeyRingWarden(IServiceScopeFactory scopes, TimeProvider time, ILogger<KeyRingWarden> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<KeyRing>().EnsureCurrentKey();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not check the data-protection keys; will try again tomorrow");
            }
        }
    }
}
