using Microsoft.Extensions.Options;

namespace Varna.Features.Identity;

// Deletes sessions that ended without anyone coming back to them (those who come back are removed
// on the spot by SessionStore). Every node may run it: deleting an expired row twice is harmless.
public sealed class SessionCleanup(SessionStore store, TimeProvider time, IOptions<SessionOptions> options, ILogger<SessionCleanup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
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
                // A delay rather than a periodic timer: after a pause (or a test's clock jump) it runs
                // once, not once for every interval missed.
                await Task.Delay(options.Value.CleanupInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
