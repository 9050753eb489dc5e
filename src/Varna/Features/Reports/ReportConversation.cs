using Varna.Features.Cases;
using Varna.Features.Notifications;

namespace Varna.Features.Reports;

// What happens after the receipt: messages both ways, and information the reporter adds later.
// Each change and the notification announcing it are saved together.
public sealed class ReportConversation(AppDbContext db, TimeProvider time, NotificationSignal signal)
{
    public async Task<Result<ReportMessage>> SendAsync(Reporter caller, Report report, string? body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var fromReporter = report.WritesAsReporter(caller);
        var written = ReportMessage.Write(report, caller.UserId, fromReporter, body, now);
        if (!written.Succeeded) return written;

        db.ReportMessages.Add(written.Value!);
        db.CaseEvents.Add(CaseEvent.Record(report.OrganisationId, report.CaseId,
            fromReporter ? CaseEventKind.MessageFromReporter : CaseEventKind.MessageToReporter, caller.UserId, now, relatedId: report.Id));
        if (fromReporter)
            db.Notifications.Add(Notification.Create(report.OrganisationId, NotificationKind.MessageFromReporter, report.Id, null, now));
        else
            foreach (var recipient in await ReporterAccountsAsync(report, cancellationToken))
                db.Notifications.Add(Notification.Create(report.OrganisationId, NotificationKind.MessageToReporter, report.Id, recipient, now));
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return written;
    }

    public async Task<Result<ReportSupplement>> SupplementAsync(Reporter caller, Report report, string? text, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var added = ReportSupplement.Add(report, caller.UserId, text, now);
        if (!added.Succeeded) return added;
        db.ReportSupplements.Add(added.Value!);
        AnnounceUpdate(report, caller.UserId, now);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return added;
    }

    // Evidence is saved file by file (EvidenceIntake); the officers hear about it once afterwards.
    public async Task EvidenceAddedAsync(Reporter caller, Report report, CancellationToken cancellationToken)
    {
        AnnounceUpdate(report, caller.UserId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
    }

    private void AnnounceUpdate(Report report, Guid author, DateTimeOffset now)
    {
        db.CaseEvents.Add(CaseEvent.Record(report.OrganisationId, report.CaseId, CaseEventKind.InformationAdded, author, now, relatedId: report.Id));
        db.Notifications.Add(Notification.Create(report.OrganisationId, NotificationKind.ReportUpdated, report.Id, null, now));
    }

    // The accounts of the person the report is about; for a report someone made on their own
    // behalf without a linked representative record, that person.
    private async Task<List<Guid>> ReporterAccountsAsync(Report report, CancellationToken cancellationToken)
    {
        var accounts = report.RepresentativeId is { } representativeId
            ? await db.Users.Where(u => u.OrganisationId == report.OrganisationId && u.RepresentativeId == representativeId)
                .Select(u => u.Id).ToListAsync(cancellationToken)
            : [];
        if (report.IntakeMethod == IntakeMethod.SelfService && !accounts.Contains(report.SubmittedByUserId))
            accounts.Add(report.SubmittedByUserId);
        return accounts;
    }
}
