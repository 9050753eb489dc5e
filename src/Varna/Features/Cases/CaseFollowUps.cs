namespace Varna.Features.Cases;

// Follow-up reminders shared by the page and the API. Setting or finishing one changes nothing
// another officer could overwrite, so neither checks the case's version; both leave a timeline line.
public static class CaseFollowUps
{
    public static async Task<Result<FollowUp>?> SetAsync(AppDbContext db, CaseChanges changes, Guid id, string? dueOn, string? note,
        Guid? officerId, Guid actor, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var day = CaseMoments.ParseDay(dueOn, "DueOn", errors);
        return await changes.ApplyAsync(id, null, async @case =>
        {
            var officer = officerId ?? actor;
            if (!await db.OfficersOf(@case.OrganisationId).AnyAsync(u => u.Id == officer, cancellationToken))
                errors.Add(new Error("OfficerId", "Case.NotAnOfficer"));
            // A malformed date is named once, not also as missing or out of range: the rules get today in its place.
            var set = FollowUp.Set(@case, errors.Any(e => e.Field == "DueOn") ? changes.Today : day, note, officer, changes.Now);
            if (errors.Count > 0 || !set.Succeeded) return Result<FollowUp>.Fail([.. errors, .. set.Errors]);
            var followUp = set.Value!;
            db.FollowUps.Add(followUp);
            @case.Record(CaseEventKind.FollowUpSet, actor, changes.Now, to: followUp.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                text: followUp.Note, relatedId: followUp.Id);
            return set;
        }, cancellationToken);
    }

    // Null when the case or the follow-up is not the caller's to see. Marking a done one again
    // changes nothing and writes no second line.
    public static async Task<Result<FollowUp>?> DoneAsync(AppDbContext db, CaseChanges changes, Guid id, Guid followUpId, Guid actor,
        CancellationToken cancellationToken)
    {
        FollowUp? found = null;
        var outcome = await changes.ApplyAsync(id, null, async @case =>
        {
            found = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == followUpId && f.CaseId == @case.Id, cancellationToken);
            if (found is null) return Result<FollowUp>.Fail(new Error("FollowUpId", "Case.FollowUpNotFound"));
            if (found.DoneAt is null)
            {
                found.Done(changes.Now);
                @case.Record(CaseEventKind.FollowUpDone, actor, changes.Now, text: found.Note, relatedId: found.Id);
            }
            return Result<FollowUp>.Ok(found);
        }, cancellationToken);
        return found is null ? null : outcome;
    }
}

public sealed record FollowUpRequest
{
    public string? DueOn { get; init; }
    public string? Note { get; init; }
    // Empty: the caller.
    public Guid? OfficerId { get; init; }
}
