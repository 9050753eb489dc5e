using Microsoft.Extensions.Options;

namespace Varna.Features.Identity;

// Deletes sessions that ended without anyone coming back to them (those who come back are removed
// on the spot by SessionStore). Every node may run it: deleting an expired row twice is harmless.
public sealed class SessionCleanup(SessionStore store, TimeProvider time, IOptions<SessionOptions> options, ILogger<SessionCleanup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, time);
        try
        {
            do
            {
                try
                {
                    var removed = await store.RemoveExpiredAsync(stoppingToken);
                    if (removed > 0) logger.LogInformation("Removed {Count} ended session(s).", removed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Removing ended sessions failed; it is tried again later.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
