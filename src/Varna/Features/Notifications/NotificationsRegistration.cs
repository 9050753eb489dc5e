namespace Varna.Features.Notifications;

public static class NotificationsRegistration
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NotificationSignal>();
        builder.Services.AddScoped<NotificationDispatcher>();
        builder.Services.AddHostedService<NotificationWorker>();
        return builder;
    }
}

// Runs the dispatcher when woken by a request, and every half minute for retries and for
// notifications another node committed.
public sealed class NotificationWorker(IServiceScopeFactory scopes, NotificationSignal signal, ILogger<NotificationWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The notification dispatcher failed; it runs again shortly.");
            }
            try
            {
                // After a wake-up, wait a moment so that a burst of reports becomes one e-mail and
                // one database round, not one per report.
                if (await signal.WaitAsync(Interval, stoppingToken)) await Task.Delay(Debounce, stoppingToken);
            }
            catch (OperationCanceledException) { return; }
        }
    }
}
