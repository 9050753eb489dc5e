namespace Varna.Features.Cases;

// Recording a new version of the threat assessment, shared by the form and the API. The version,
// its timeline line, the move to "assessing" and a changed concern level are saved together.
public static class CaseAssessments
{
    public static async Task<Result<Assessment>?> RecordAsync(AppDbContext db, CaseChanges changes, Guid id, AssessmentRequest request,
        Guid actor, CancellationToken cancellationToken)
    {
        Assessment? recorded = null;
        try
        {
            return await changes.ApplyAsync(id, request.Version, async @case =>
            {
                var draft = AssessmentDraft.From(request, changes.Today);
                if (!draft.Succeeded) return Result<Assessment>.Fail(draft.Errors);
                var (answers, level, rationale, reassessOn) = draft.Value!;
                var now = changes.Now;
                var version = (await db.Assessments.Where(a => a.CaseId == id).MaxAsync(a => (int?)a.Version, cancellationToken) ?? 0) + 1;
                recorded = Assessment.Record(@case, version, answers, level, rationale, reassessOn, actor, now);
                var outcome = @case.RecordAssessment(recorded, actor, now);
                if (!outcome.Succeeded) return Result<Assessment>.Fail(outcome.Errors);
                if (level != @case.ConcernLevel)
                {
                    var settings = await db.Organisations.AsNoTracking().Where(o => o.Id == @case.OrganisationId)
                        .Select(o => o.Settings).SingleAsync(cancellationToken);
                    var changed = @case.ChangeConcern(level, $"Bedömning version {version}", ConcernRules.HoursFor(level, settings), actor, now);
                    if (!changed.Succeeded) return Result<Assessment>.Fail(changed.Errors);
                }
                db.Assessments.Add(recorded);
                return Result<Assessment>.Ok(recorded);
            }, cancellationToken);
        }
        // Another officer saved the same version number first (the case's own version guard
        // normally catches this; the unique version index is the last line).
        catch (DbUpdateException) when (recorded is not null)
        {
            var mine = recorded;
            if (!await db.Assessments.AsNoTracking().AnyAsync(a => a.CaseId == id && a.Version == mine.Version && a.Id != mine.Id, cancellationToken))
                throw;
            return Result<Assessment>.Fail(CaseChanges.ChangedMeanwhile);
        }
    }
}
