using Varna.Features.Reports;

namespace Varna.Features.Cases;

// The officer's whole view of one case. A fixed number of queries (about a dozen) whatever the
// number of reports, files, measures or timeline lines, so a long case costs no more round trips.
public sealed class CaseQueries(AppDbContext db, ReportQueries reports, TimeProvider time)
{
    public async Task<CaseResponse?> SheetAsync(Guid id, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null) return null;

        var names = new Dictionary<Guid, string>();
        var caseReports = await reports.ForCaseAsync(@case, cancellationToken);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.CaseId == id).OrderByDescending(a => a.Version).ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        var police = await db.PoliceReports.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == id, cancellationToken);
        var links = await db.CaseLinks.AsNoTracking().Where(l => l.CaseId == id || l.LinkedCaseId == id)
            .Join(db.Cases, l => l.CaseId == id ? l.LinkedCaseId : l.CaseId, c => c.Id,
                (l, c) => new CaseLinkResponse(new CaseRefResponse(c.Id, c.Reference, c.Status), l.Reason, l.Note, l.CreatedAt))
            .ToListAsync(cancellationToken);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.CaseId == id).OrderBy(f => f.DueOn).ToListAsync(cancellationToken);
        var mergedInto = @case.MergedIntoCaseId is { } target
            ? await db.Cases.AsNoTracking().Where(c => c.Id == target).Select(c => new CaseRefResponse(c.Id, c.Reference, c.Status)).SingleOrDefaultAsync(cancellationToken)
            : null;

        var userIds = events.Select(e => e.ActorUserId).Concat(assessments.Select(a => (Guid?)a.RecordedByUserId))
            .Concat(measures.Select(m => m.OwnerOfficerId)).Concat(followUps.Select(f => (Guid?)f.OfficerId)).Append(@case.AssigneeId)
            .OfType<Guid>().Distinct().ToList();
        foreach (var user in await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            names[user.Id] = user.DisplayName;
        var representative = @case.RepresentativeId is { } rid
            ? await db.Representatives.AsNoTracking().Where(r => r.Id == rid).Select(r => new PersonResponse(r.Id, r.FirstName + " " + r.LastName)).SingleOrDefaultAsync(cancellationToken)
            : null;

        PersonResponse? Person(Guid? userId) => userId is { } u ? new PersonResponse(u, names.GetValueOrDefault(u, "")) : null;
        return new CaseResponse(@case.Id, @case.Reference, @case.Status, @case.ConcernLevel, @case.OpenedAt,
            @case.FirstContactDueAt, @case.AwaitingContactUntil, @case.IsOverdue(time.GetUtcNow()),
            @case.FirstContactAt, @case.FirstContactMethod, Person(@case.AssigneeId), representative,
            @case.ClosedAt, @case.Outcome, @case.OutcomeNote, @case.ReporterInformedAt, mergedInto, @case.Version,
            caseReports.Select(r => new CaseReportResponse(r.Report, r.Messages)).ToList(),
            assessments.Select(a => new AssessmentResponse(a.Id, a.Version, a.RecordedAt, names.GetValueOrDefault(a.RecordedByUserId, ""),
                a.SuggestedLevel, a.Level, a.Rationale, a.ReassessOn,
                a.Answers.OrderBy(x => x.Factor).Select(x => new AssessmentAnswerResponse(x.Factor, AssessmentFactors.IsProtective(x.Factor), x.Answer, x.Note)).ToList())).ToList(),
            measures.Select(m => new MeasureResponse(m.Id, m.Code, m.Description, m.Owner, Person(m.OwnerOfficerId), m.Status,
                m.StartOn, m.ReviewOn, m.EndOn, m.Version)).ToList(),
            police is null ? null : new PoliceReportResponse(police.Reported, police.ReportedBy, police.Reference, police.ReportedOn,
                police.Outcome, police.OutcomeNote, police.UpdatedAt),
            links.OrderBy(l => l.CreatedAt).ToList(),
            followUps.Select(f => new FollowUpResponse(f.Id, f.DueOn, f.Note, Person(f.OfficerId)!, f.DoneAt)).ToList(),
            events.Select(e => new TimelineEntryResponse(e.Id, e.At, e.Kind, e.ActorUserId is { } a ? names.GetValueOrDefault(a) : null,
                e.From, e.To, e.Text, e.RelatedId)).ToList(),
            @case.PersonalDataErasedAt);
    }
}
