namespace Varna.Features.Cases;

// The measure handlers shared by the case page, the measure's edit page and the API. Adding a
// measure overwrites nothing, so it needs no case version; changing one is guarded by the
// measure's own version instead.
public static class CaseMeasures
{
    public static Task<Result<Measure>?> AddAsync(AppDbContext db, CaseChanges changes, Guid caseId, MeasureFields fields,
        Guid actor, CancellationToken cancellationToken) =>
        changes.ApplyAsync(caseId, null, async @case =>
        {
            var errors = new List<Error>();
            var details = fields.ToDetails(errors);
            await CheckOfficerAsync(db, @case, fields.OwnerOfficerId, errors, cancellationToken);
            if (errors.Count > 0) return Result<Measure>.Fail(errors);
            var added = Measure.Add(@case, details, changes.Now);
            if (!added.Succeeded) return added;
            db.Measures.Add(added.Value!);
            @case.Record(CaseEventKind.MeasureAdded, actor, changes.Now, to: Codes.Of(details.Code), relatedId: added.Value!.Id);
            return added;
        }, cancellationToken);

    // Null when the case or the measure does not exist for the caller (404). `edit` turns the
    // measure as stored into the fields to save, so the API can change only what it was given.
    public static async Task<Result<Measure>?> ChangeAsync(AppDbContext db, CaseChanges changes, Guid caseId, Guid measureId,
        int? expectedVersion, Func<MeasureFields, MeasureFields> edit, Guid actor, CancellationToken cancellationToken)
    {
        var measure = await db.Measures.SingleOrDefaultAsync(m => m.Id == measureId && m.CaseId == caseId, cancellationToken);
        if (measure is null) return null;
        return await changes.ApplyAsync(caseId, null, async @case =>
        {
            if (expectedVersion is null) return new Error("Version", "Validation.Required");
            if (expectedVersion != measure.Version) return ChangedMeanwhile;
            var errors = new List<Error>();
            var fields = edit(MeasureFields.Of(measure));
            var details = fields.ToDetails(errors);
            if (fields.OwnerOfficerId != measure.OwnerOfficerId)
                await CheckOfficerAsync(db, @case, fields.OwnerOfficerId, errors, cancellationToken);
            if (errors.Count > 0) return Result<Measure>.Fail(errors);
            var previous = measure.Status;
            var changed = measure.Change(details, changes.Now);
            if (!changed.Succeeded) return changed;
            @case.Record(CaseEventKind.MeasureChanged, actor, changes.Now, from: Codes.Of(previous), to: Codes.Of(measure.Status),
                relatedId: measure.Id);
            return changed;
        }, cancellationToken);
    }

    public static Error ChangedMeanwhile => Error.Conflict("Version", "Measure.ChangedMeanwhile");

    // A stale version, or a save that lost the race (the case's own conflict when the rows clashed).
    public static bool IsChangedMeanwhile(Error conflict) =>
        conflict.MessageKey == ChangedMeanwhile.MessageKey || conflict.MessageKey == CaseChanges.ChangedMeanwhile.MessageKey;

    // Reviews are e-mailed to the owner officer, so only an officer of the case's organisation will do.
    private static async Task CheckOfficerAsync(AppDbContext db, Case @case, Guid? officerId, List<Error> errors, CancellationToken cancellationToken)
    {
        if (officerId is { } officer && !await db.OfficersOf(@case.OrganisationId).AnyAsync(u => u.Id == officer, cancellationToken))
            errors.Add(new Error(nameof(MeasureFields.OwnerOfficerId), "Case.NotAnOfficer"));
    }
}
