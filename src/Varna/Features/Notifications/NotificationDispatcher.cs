using Microsoft.Extensions.Options;
using Varna.Features.Email;

namespace Varna.Features.Notifications;

// Sends what the outbox holds. Safe with several app nodes: a node takes a notification by
// setting its lease in one conditional UPDATE, and only the node whose UPDATE matched sends it.
public sealed class NotificationDispatcher(
    AppDbContext db, IMailer mailer, TimeProvider time, IOptions<VarnaOptions> options, ILogger<NotificationDispatcher> logger)
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pending = await db.Notifications.AsNoTracking()
            .Where(n => n.SentAt == null && n.Attempts < MaxAttempts && (n.LeasedUntil == null || n.LeasedUntil < now))
            .OrderBy(n => n.CreatedAt).Take(50)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var notification in pending)
        {
            var leaseEnd = now + Lease;
            var taken = await db.Notifications
                .Where(n => n.Id == notification.Id && n.SentAt == null && (n.LeasedUntil == null || n.LeasedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeasedUntil, leaseEnd).SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
            if (taken == 0) continue;

            try
            {
                foreach (var mail in await ComposeAsync(notification, cancellationToken))
                    await mailer.SendAsync(mail, cancellationToken);
                await db.Notifications.Where(n => n.Id == notification.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAt, time.GetUtcNow()).SetProperty(n => n.LastError, (string?)null), cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Try again after a pause that grows with each failure; the mail server may be down.
                var retryAt = time.GetUtcNow().AddMinutes(Math.Min(60, 1 << Math.Min(notification.Attempts, 6)));
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                logger.LogWarning(e, "Notification {Id} could not be sent; retrying after {RetryAt}.", notification.Id, retryAt);
                await db.Notifications.Where(n => n.Id == notification.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeasedUntil, retryAt).SetProperty(n => n.LastError, error), CancellationToken.None);
            }
        }
        return sent;
    }

    private async Task<IReadOnlyList<OutgoingMail>> ComposeAsync(Notification notification, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var recipients = notification.RecipientUserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).ToListAsync(cancellationToken)
            : await OfficersAsync(notification.OrganisationId, cancellationToken);
        var mail = NotificationTexts.For(notification, baseUrl);
        return recipients
            .Where(u => !u.IsDeactivated && !string.IsNullOrEmpty(u.Email))
            .Select(u => new OutgoingMail(u.Email!, mail.Subject, mail.Body(u.DisplayName)))
            .ToList();
    }

    private async Task<List<User>> OfficersAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var roleId = db.Roles.Where(r => r.Name == Roles.SecurityOfficer).Select(r => r.Id);
        return await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)))
            .ToListAsync(cancellationToken);
    }
}
