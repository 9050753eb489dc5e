using Varna.Features.Notifications;

namespace Varna.Features.Cases;

// One run of the job that keeps time on cases (CaseClockWorker runs it every minute, on every node). It looks
// across all organisations, so every query ignores the tenant filter and carries the organisation
// id itself. Safe with several app nodes: each notice is claimed by a conditional UPDATE that only
// one node can win, in the same transaction as the notification and timeline line it writes.
public sealed class CaseClock(AppDbContext db, TimeProvider time, NotificationSignal signal, ILogger<CaseClock> logger)
{
    // Per kind and run, so a backlog (after downtime) is worked off over a few runs, not one long one.
    public const int BatchSize = 200;
    public static readonly TimeSpan LateAfter = TimeSpan.FromHours(24);

    // Returns how many notifications the run queued.
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = time.Today();
        var queued = await FirstContactOverdueAsync(now, cancellationToken)
            + await FirstContactLateAsync(now, cancellationToken)
            + await FollowUpsDueAsync(now, today, cancellationToken)
            + await MeasureReviewsDueAsync(now, today, cancellationToken);
        if (queued > 0) signal.Wake();
        return queued;
    }

    private async Task<int> FirstContactOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.AwaitingContactUntil < now && c.OverdueNotifiedAt == null)
            .OrderBy(c => c.AwaitingContactUntil).Take(BatchSize)
            .Select(c => new { c.Id, c.OrganisationId }).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var c in cases)
        {
            queued += await OnceAsync(c.Id,
                () => db.Cases.IgnoreQueryFilters()
                    .Where(x => x.Id == c.Id && x.OverdueNotifiedAt == null && x.AwaitingContactUntil < now)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.OverdueNotifiedAt, now), cancellationToken),
                () => NoticeToOfficers(c.OrganisationId, c.Id, NotificationKind.FirstContactOverdue, CaseEventKind.FirstContactOverdue, now),
                cancellationToken);
        }
        return queued;
    }

    // A case that was already a day late when first seen (the job was down) gets both notices; the
    // second says more than the first, and the pair is rare.
    private async Task<int> FirstContactLateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lateBefore = now - LateAfter;
        var cases = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.AwaitingContactUntil < lateBefore && c.LateNotifiedAt == null)
            .OrderBy(c => c.AwaitingContactUntil).Take(BatchSize)
            .Select(c => new { c.Id, c.OrganisationId }).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var c in cases)
        {
            queued += await OnceAsync(c.Id,
                () => db.Cases.IgnoreQueryFilters()
                    .Where(x => x.Id == c.Id && x.LateNotifiedAt == null && x.AwaitingContactUntil < lateBefore)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LateNotifiedAt, now), cancellationToken),
                () => NoticeToOfficers(c.OrganisationId, c.Id, NotificationKind.FirstContactLate, CaseEventKind.FirstContactLate, now),
                cancellationToken);
        }
        return queued;
    }

    private void NoticeToOfficers(Guid organisationId, Guid caseId, NotificationKind kind, CaseEventKind line, DateTimeOffset now)
    {
        db.Notifications.Add(Notification.Create(organisationId, kind, caseId, null, now));
        db.CaseEvents.Add(CaseEvent.Record(organisationId, caseId, line, null, now));
    }

    // Follow-ups of closed cases are reminded too: "ring again in three months" outlives the case.
    private async Task<int> FollowUpsDueAsync(DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var followUps = await db.FollowUps.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.DueOn <= today && f.DoneAt == null && f.RemindedAt == null)
            .OrderBy(f => f.DueOn).Take(BatchSize)
            .Select(f => new { f.Id, f.OrganisationId, f.OfficerId }).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var f in followUps)
        {
            queued += await OnceAsync(f.Id,
                () => db.FollowUps.IgnoreQueryFilters()
                    .Where(x => x.Id == f.Id && x.RemindedAt == null && x.DoneAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemindedAt, now), cancellationToken),
                () => db.Notifications.Add(Notification.Create(f.OrganisationId, NotificationKind.FollowUpDue, f.Id, f.OfficerId, now)),
                cancellationToken);
        }
        return queued;
    }

    // The reminder goes to the measure's owner officer, else the case's assignee, else all of the
    // organisation's officers. ReviewRemindedFor remembers the date reminded, so a new date gets a new one.
    private async Task<int> MeasureReviewsDueAsync(DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var measures = await (
                from m in db.Measures.IgnoreQueryFilters()
                join c in db.Cases.IgnoreQueryFilters() on m.CaseId equals c.Id
                where m.ReviewOn != null && m.ReviewOn <= today
                    && (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.Active)
                    && (m.ReviewRemindedFor == null || m.ReviewRemindedFor != m.ReviewOn)
                orderby m.ReviewOn
                select new { m.Id, m.OrganisationId, ReviewOn = m.ReviewOn!.Value, Recipient = m.OwnerOfficerId ?? c.AssigneeId })
            .AsNoTracking().Take(BatchSize).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var m in measures)
        {
            var reviewOn = m.ReviewOn;
            queued += await OnceAsync(m.Id,
                () => db.Measures.IgnoreQueryFilters()
                    .Where(x => x.Id == m.Id && x.ReviewOn == reviewOn && (x.ReviewRemindedFor == null || x.ReviewRemindedFor != reviewOn))
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReviewRemindedFor, reviewOn), cancellationToken),
                () => db.Notifications.Add(Notification.Create(m.OrganisationId, NotificationKind.MeasureReviewDue, m.Id, m.Recipient, now)),
                cancellationToken);
        }
        return queued;
    }

    // Claims one notice and writes it, or leaves it to the node that claimed it first. A row that
    // cannot be written is logged and skipped, so it does not hold up the rest of the batch;
    // anything else (the database is gone) ends the run and the worker logs it.
    private async Task<int> OnceAsync(Guid subjectId, Func<Task<int>> claim, Action write, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await claim() != 1) return 0;
            write();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return 1;
        }
        catch (DbUpdateException e)
        {
            logger.LogError(e, "The case clock could not record its notice about {SubjectId}; it tries again next run.", subjectId);
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
