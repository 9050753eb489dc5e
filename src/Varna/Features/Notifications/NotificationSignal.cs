namespace Varna.Features.Notifications;

// Lets a request wake the dispatcher right after it commits a notification, so mail goes out in
// seconds without the dispatcher polling the database every second.
public sealed class NotificationSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
