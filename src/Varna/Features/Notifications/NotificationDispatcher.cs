using Microsoft.Extensions.Options;
using Varna.Features.Email;

namespace Varna.Features.Notifications;

// Sends what the outbox holds. Safe with several app nodes: a run takes its notifications with one
// conditional UPDATE that stamps its own lease id, and sends only the rows that carry that id.
// Notifications for the same people are combined, so ten reports in a minute make one e-mail.
public sealed class NotificationDispatcher(
    AppDbContext db, IMailer mailer, TimeProvider time, IOptions<VarnaOptions> options, ILogger<NotificationDispatcher> logger)
{
    public const int MaxAttempts = 10;
    private const int BatchSize = 500;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var candidates = await db.Notifications.AsNoTracking()
            .Where(n => n.SentAt == null && n.Attempts < MaxAttempts && (n.LeasedUntil == null || n.LeasedUntil < now))
            .OrderBy(n => n.CreatedAt).Select(n => n.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0) return 0;

        var owner = Guid.NewGuid();
        var leaseEnd = now + Lease;
        await db.Notifications
            .Where(n => candidates.Contains(n.Id) && n.SentAt == null && (n.LeasedUntil == null || n.LeasedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.LeaseOwner, owner)
                .SetProperty(n => n.LeasedUntil, leaseEnd)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        var taken = await db.Notifications.AsNoTracking().Where(n => n.LeaseOwner == owner && n.SentAt == null).ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var group in taken.GroupBy(GroupKey))
        {
            var ids = group.Select(n => n.Id).ToList();
            try
            {
                foreach (var mail in await ComposeAsync(group.First(), group.Count(), cancellationToken))
                    await mailer.SendAsync(mail, cancellationToken);
                await db.Notifications.Where(n => ids.Contains(n.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAt, time.GetUtcNow()).SetProperty(n => n.LastError, (string?)null), cancellationToken);
                sent += ids.Count;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Try again after a pause that grows with each failure; the mail server may be down.
                var attempts = group.Max(n => n.Attempts) + 1;
                var retryAt = time.GetUtcNow().AddMinutes(Math.Min(60, 1 << Math.Min(attempts, 6)));
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                logger.LogWarning(e, "{Count} notification(s) could not be sent; retrying after {RetryAt}.", ids.Count, retryAt);
                await db.Notifications.Where(n => ids.Contains(n.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeasedUntil, retryAt).SetProperty(n => n.LastError, error), CancellationToken.None);
            }
        }
        return sent;
    }

    // One e-mail per recipient and kind; a message to a reporter links to its own report.
    private static (Guid, NotificationKind, Guid?, Guid?) GroupKey(Notification n) =>
        (n.OrganisationId, n.Kind, n.RecipientUserId, n.Kind == NotificationKind.MessageToReporter ? n.SubjectId : null);

    private async Task<IReadOnlyList<OutgoingMail>> ComposeAsync(Notification notification, int count, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var recipients = notification.RecipientUserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).ToListAsync(cancellationToken)
            : await OfficersAsync(notification.OrganisationId, cancellationToken);
        var mail = NotificationTexts.For(notification, count, baseUrl);
        return recipients
            .Where(u => !u.IsDeactivated && !string.IsNullOrEmpty(u.Email))
            .Select(u => new OutgoingMail(u.Email!, mail.Subject, mail.Body(u.DisplayName)))
            .ToList();
    }

    private async Task<List<User>> OfficersAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        return await db.OfficersOf(organisationId).AsNoTracking().ToListAsync(cancellationToken);
    }
}
