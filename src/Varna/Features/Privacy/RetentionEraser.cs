using Varna.Features.Cases;
using Varna.Features.Reports;

namespace Varna.Features.Privacy;

// What erasing one case's personal data removed, for the audit line and the erasure receipt.
public sealed record ErasedCounts(int Reports, int Evidence, int Messages, int Supplements, int FollowUps, int TimelineTexts)
{
    public string ToDetail() =>
        $"reports={Reports}; evidence={Evidence}; messages={Messages}; supplements={Supplements}; follow_ups={FollowUps}; timeline_texts={TimelineTexts}";
}

// Erases the personal data of one closed case and leaves the anonymised statistical fact. Used by the
// retention job and by an erasure on request. It works on the caller's transaction, so the caller
// decides what commits together; every query names the organisation itself and ignores the tenant
// filter, because the job runs without a signed-in user.
//
// Deleted: evidence (rows and bytes), messages, supplements, follow-ups. Blanked: report free text
// and identifiers, timeline texts, assessment rationale and notes, measure text and owner, link
// notes, the police reference and outcome notes. Kept: codes, levels, statuses, the handling
// timestamps, and the incident date truncated to its month.
public sealed class RetentionEraser(AppDbContext db)
{
    // Returns null when the case does not exist in the organisation, is open, or was already erased.
    public async Task<(Case Case, ErasedCounts Counts)?> EraseAsync(Guid organisationId, Guid caseId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var @case = await db.Cases.IgnoreQueryFilters()
            .SingleOrDefaultAsync(c => c.Id == caseId && c.OrganisationId == organisationId, cancellationToken);
        if (@case is null || !@case.IsClosed || @case.IsPersonalDataErased) return null;

        var reports = await db.Reports.IgnoreQueryFilters()
            .Where(r => r.OrganisationId == organisationId && r.CaseId == caseId).ToListAsync(cancellationToken);
        var reportIds = reports.Select(r => r.Id).ToList();

        var evidenceIds = await db.Evidence.IgnoreQueryFilters()
            .Where(e => e.OrganisationId == organisationId && reportIds.Contains(e.ReportId)).Select(e => e.Id).ToListAsync(cancellationToken);
        // The bytes first and explicitly, rather than trusting the cascade: this is the part that must really go.
        await db.EvidenceContents.IgnoreQueryFilters()
            .Where(c => c.OrganisationId == organisationId && evidenceIds.Contains(c.EvidenceId)).ExecuteDeleteAsync(cancellationToken);
        var evidence = await db.Evidence.IgnoreQueryFilters()
            .Where(e => e.OrganisationId == organisationId && evidenceIds.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        var messages = await db.ReportMessages.IgnoreQueryFilters()
            .Where(m => m.OrganisationId == organisationId && reportIds.Contains(m.ReportId)).ExecuteDeleteAsync(cancellationToken);
        var supplements = await db.ReportSupplements.IgnoreQueryFilters()
            .Where(s => s.OrganisationId == organisationId && reportIds.Contains(s.ReportId)).ExecuteDeleteAsync(cancellationToken);
        var followUps = await db.FollowUps.IgnoreQueryFilters()
            .Where(f => f.OrganisationId == organisationId && f.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);

        foreach (var report in reports) report.ErasePersonalData();

        var events = await db.CaseEvents.IgnoreQueryFilters()
            .Where(e => e.OrganisationId == organisationId && e.CaseId == caseId).ToListAsync(cancellationToken);
        // Encrypted columns cannot be filtered in SQL, so the lines with words are found here.
        var texts = events.Count(e => e.Text is not null);
        foreach (var line in events) line.ErasePersonalData();

        foreach (var assessment in await db.Assessments.IgnoreQueryFilters()
                     .Where(a => a.OrganisationId == organisationId && a.CaseId == caseId).ToListAsync(cancellationToken))
            assessment.ErasePersonalData();
        foreach (var measure in await db.Measures.IgnoreQueryFilters()
                     .Where(m => m.OrganisationId == organisationId && m.CaseId == caseId).ToListAsync(cancellationToken))
            measure.ErasePersonalData(now);
        foreach (var police in await db.PoliceReports.IgnoreQueryFilters()
                     .Where(p => p.OrganisationId == organisationId && p.CaseId == caseId).ToListAsync(cancellationToken))
            police.ErasePersonalData(now);
        foreach (var link in await db.CaseLinks.IgnoreQueryFilters()
                     .Where(l => l.OrganisationId == organisationId && (l.CaseId == caseId || l.LinkedCaseId == caseId)).ToListAsync(cancellationToken))
            link.ErasePersonalData();

        @case.MarkPersonalDataErased(now);
        await db.SaveChangesAsync(cancellationToken);
        return (@case, new ErasedCounts(reports.Count, evidence, messages, supplements, followUps, texts));
    }
}
