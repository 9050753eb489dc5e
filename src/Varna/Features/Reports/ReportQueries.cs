using Varna.Features.Cases;

namespace Varna.Features.Reports;

// Reads shared by the pages and the API. Each starts from ReportAccess, so a report the caller may
// not see is simply not found.
public sealed class ReportQueries(AppDbContext db)
{
    // A report whose case the retention rule has erased is no longer the reporter's to see: only the
    // anonymised fact is left, and the link to them is what remains of their personal data.
    public Task<List<ReportSummaryResponse>> MineAsync(Reporter caller, CancellationToken cancellationToken) =>
        db.Reports.AsNoTracking().Mine(caller)
            .Join(db.Cases.Where(c => c.PersonalDataErasedAt == null), r => r.CaseId, c => c.Id, (r, c) => new { r, c })
            .OrderByDescending(x => x.r.ReceivedAt)
            .Select(x => new ReportSummaryResponse(x.r.Id, x.c.Reference, x.c.Status, x.c.ConcernLevel, x.r.ReceivedAt,
                x.r.OccurredAt, x.r.Channel, x.r.Types, x.r.Wish, x.c.FirstContactDueAt, x.r.IntakeMethod != IntakeMethod.SelfService))
            .ToListAsync(cancellationToken);

    public async Task<(Report Report, Case Case)?> FindAsync(Reporter caller, Guid id, CancellationToken cancellationToken)
    {
        var found = await db.Reports.VisibleTo(caller).Where(r => r.Id == id)
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { r, c })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null || (!caller.IsOfficer && found.c.IsPersonalDataErased) ? null : (found.r, found.c);
    }

    // The report together with who is asking, or null when there is no caller or they may not see it.
    public async Task<(Reporter Caller, Report Report)?> FindForAsync(Reporter? caller, Guid id, CancellationToken cancellationToken) =>
        caller is not null && await FindAsync(caller, id, cancellationToken) is var (report, _) ? (caller, report) : null;

    public async Task<ReportResponse?> DetailsAsync(Reporter caller, Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(caller, id, cancellationToken) is not var (report, @case)) return null;
        var evidence = await EvidenceAsync(id, cancellationToken);
        var supplements = await db.ReportSupplements.AsNoTracking().Where(s => s.ReportId == id).OrderBy(s => s.AddedAt)
            .Select(s => new SupplementResponse(s.Id, s.Text, s.AddedAt)).ToListAsync(cancellationToken);
        return ToResponse(report, @case, evidence, supplements);
    }

    public Task<List<EvidenceResponse>> EvidenceAsync(Guid reportId, CancellationToken cancellationToken) =>
        db.Evidence.AsNoTracking().Where(e => e.ReportId == reportId).OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id)
            .Select(e => new EvidenceResponse(e.Id, e.Kind, e.FileName, e.ContentType, e.Size, e.Sha256, e.Url, e.ReceivedAt))
            .ToListAsync(cancellationToken);

    public Task<List<MessageResponse>> MessagesAsync(Guid reportId, CancellationToken cancellationToken) =>
        db.ReportMessages.AsNoTracking().Where(m => m.ReportId == reportId)
            .Join(db.Users, m => m.AuthorUserId, u => u.Id, (m, u) => new { m, u.DisplayName })
            .OrderBy(x => x.m.SentAt).ThenBy(x => x.m.Id)
            .Select(x => new MessageResponse(x.m.Id, x.m.FromReporter, x.DisplayName, x.m.Body, x.m.SentAt))
            .ToListAsync(cancellationToken);

    // Every report of a case with its evidence, additions and messages, for the officer's case view:
    // four queries however many reports, files or messages the case has.
    public async Task<List<(ReportResponse Report, List<MessageResponse> Messages)>> ForCaseAsync(Case @case, CancellationToken cancellationToken)
    {
        var reports = await db.Reports.AsNoTracking().Where(r => r.CaseId == @case.Id).OrderBy(r => r.ReceivedAt).ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.Id).ToList();
        var evidence = (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.ReportId)).OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken)).ToLookup(e => e.ReportId, EvidenceResponse.From);
        var supplements = (await db.ReportSupplements.AsNoTracking().Where(s => ids.Contains(s.ReportId)).OrderBy(s => s.AddedAt)
            .ToListAsync(cancellationToken)).ToLookup(s => s.ReportId, s => new SupplementResponse(s.Id, s.Text, s.AddedAt));
        var messages = (await db.ReportMessages.AsNoTracking().Where(m => ids.Contains(m.ReportId))
            .Join(db.Users, m => m.AuthorUserId, u => u.Id, (m, u) => new { m, u.DisplayName })
            .OrderBy(x => x.m.SentAt).ThenBy(x => x.m.Id)
            .ToListAsync(cancellationToken)).ToLookup(x => x.m.ReportId, x => new MessageResponse(x.m.Id, x.m.FromReporter, x.DisplayName, x.m.Body, x.m.SentAt));
        return reports.Select(r => (ToResponse(r, @case, evidence[r.Id].ToList(), supplements[r.Id].ToList()), messages[r.Id].ToList())).ToList();
    }

    private static ReportResponse ToResponse(Report report, Case @case, IReadOnlyList<EvidenceResponse> evidence, IReadOnlyList<SupplementResponse> supplements) =>
        new(report.Id, @case.Reference, @case.Status, @case.ConcernLevel, report.ReceivedAt,
            report.DangerNow, report.OccurredAt, report.OccurredTimeKnown, report.Channel, report.Types, report.Description,
            report.Wish, report.Target, report.Location, new PerpetratorResponse(report.PerpetratorCategory, report.PerpetratorIdentifiers),
            report.RoleConnection, report.AgendaItem, report.ReportedToPolice, report.PoliceReference, report.RepresentativeId,
            report.IntakeMethod, @case.FirstContactDueAt, evidence, supplements);
}
