using System.Threading.Channels;
using Varna.Features.Cases;
using Varna.Features.Notifications;

namespace Varna.Features.Reports;

// A validated report waiting to be committed, with everything decided at the moment it arrived.
public sealed record PendingReport(
    Reporter Reporter, ReportDraft Draft, DateTimeOffset ReceivedAt, string ReferencePrefix,
    ConcernLevel Level, DateTimeOffset? FirstContactDueAt)
{
    public int Year => TimeZoneInfo.ConvertTime(ReceivedAt, Swedish.TimeZone).Year;
}

// Commits reports in groups (group commit). Every request waits until the transaction holding its
// report is committed, so nothing is acknowledged before it is durable; but the reports that
// arrived while the previous transaction was being written share one transaction and one disk
// sync. SQLite has a single writer, and this is what lets it keep up with a burst of reports.
public sealed class ReportWriter(IServiceScopeFactory scopes, ILogger<ReportWriter> logger) : IDisposable
{
    private const int MaxGroup = 64;
    private readonly Channel<(PendingReport Report, TaskCompletionSource<SubmittedReport> Done)> queue =
        System.Threading.Channels.Channel.CreateUnbounded<(PendingReport, TaskCompletionSource<SubmittedReport>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;
    private readonly Lock startLock = new();

    public Task<SubmittedReport> WriteAsync(PendingReport report)
    {
        EnsureStarted();
        var done = new TaskCompletionSource<SubmittedReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite((report, done))) done.SetException(new InvalidOperationException("The report writer has stopped."));
        return done.Task;
    }

    private void EnsureStarted()
    {
        if (loop is not null) return;
        lock (startLock)
        {
            // Not tied to the request that happens to start it: no HttpContext or culture flows in.
            using (ExecutionContext.SuppressFlow())
                loop ??= Task.Run(() => RunAsync(stopping.Token));
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var group = new List<(PendingReport Report, TaskCompletionSource<SubmittedReport> Done)>(MaxGroup);
        while (await queue.Reader.WaitToReadAsync(cancellationToken))
        {
            group.Clear();
            while (group.Count < MaxGroup && queue.Reader.TryRead(out var item)) group.Add(item);
            try
            {
                var written = await CommitAsync(group.Select(g => g.Report).ToList(), cancellationToken);
                for (var i = 0; i < group.Count; i++) group[i].Done.SetResult(written[i]);
            }
            catch (Exception e) when (group.Count > 1 && e is not OperationCanceledException)
            {
                // One report must never cost the others: write them one by one, each failing alone.
                logger.LogWarning(e, "A group of {Count} reports could not be committed together; writing them one by one.", group.Count);
                foreach (var (report, done) in group) await CommitAloneAsync(report, done, cancellationToken);
            }
            catch (Exception e)
            {
                foreach (var (_, done) in group) done.TrySetException(e);
            }
        }
    }

    private async Task CommitAloneAsync(PendingReport report, TaskCompletionSource<SubmittedReport> done, CancellationToken cancellationToken)
    {
        try { done.SetResult((await CommitAsync([report], cancellationToken))[0]); }
        catch (Exception e) { done.TrySetException(e); }
    }

    // Two attempts: the first report of a year in an organisation creates its counter row, and on
    // PostgreSQL another node may create the same row at the same moment.
    private async Task<IReadOnlyList<SubmittedReport>> CommitAsync(IReadOnlyList<PendingReport> reports, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The whole transaction is retried or abandoned, so savepoints inside it buy nothing.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                var written = new SubmittedReport[reports.Count];
                foreach (var counter in reports.Select((r, i) => (r, i)).GroupBy(x => (x.r.Reporter.OrganisationId, x.r.Year)))
                {
                    var last = await ReferenceSequence.ReserveAsync(db, counter.Key.OrganisationId, counter.Key.Year, counter.Count(), cancellationToken);
                    var sequence = last - counter.Count();
                    foreach (var (pending, index) in counter)
                        written[index] = Add(db, pending, ++sequence);
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return written;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    private static SubmittedReport Add(AppDbContext db, PendingReport pending, int sequence)
    {
        var (reporter, draft, now) = (pending.Reporter, pending.Draft, pending.ReceivedAt);
        var @case = Case.Open(reporter.OrganisationId, pending.ReferencePrefix, pending.Year, sequence,
            draft.RepresentativeId, pending.Level, pending.FirstContactDueAt, now);
        var report = Report.Create(@case, draft, reporter.UserId, now);
        db.Cases.Add(@case);
        db.Reports.Add(report);
        db.Notifications.Add(Notification.Create(reporter.OrganisationId, NotificationKind.CaseReported, @case.Id, null, now));
        return new SubmittedReport(report, @case);
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        stopping.Cancel();
        stopping.Dispose();
    }
}
