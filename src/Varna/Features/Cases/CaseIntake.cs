namespace Varna.Features.Cases;

public sealed class AssignInput
{
    // Empty releases the case.
    public Guid? OfficerId { get; set; }
}

// The intake handlers shared by the page and the API. Codes and moments arrive as text from both,
// so an unknown code or a malformed time is named the same way wherever it came from.
public static class CaseIntake
{
    public static async Task<Result<Case>?> AssignAsync(AppDbContext db, CaseChanges changes, Guid id, int? version, Guid? officerId,
        Guid actor, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(id, version, async @case =>
        {
            // Only an officer of the case's own organisation can hold it; anyone else is not a choice.
            if (officerId is { } officer && !await db.OfficersOf(@case.OrganisationId).AnyAsync(u => u.Id == officer, cancellationToken))
                return Result<Case>.Fail(new Error(nameof(AssignInput.OfficerId), "Case.NotAnOfficer"));
            return @case.Assign(officerId, actor, changes.Now);
        }, cancellationToken);

    // contactedAt: empty means now; otherwise an ISO instant or a Swedish local "yyyy-MM-ddTHH:mm".
    public static async Task<Result<Case>?> LogContactAsync(CaseChanges changes, Guid id, int? version, string? method,
        string? contactedAt, string? note, Guid actor, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var contactMethod = CodeInput.Required<ContactMethod>(method, "Method", errors);
        var moment = CaseMoments.Parse(contactedAt, changes.Now, "ContactedAt", errors);
        if (errors.Count > 0) return await RefuseAsync<Case>(changes, id, version, errors, cancellationToken);
        return await changes.ApplyAsync(id, version,
            @case => @case.LogContact(contactMethod, moment!.Value, note, actor, changes.Now), cancellationToken);
    }

    public static async Task<Result<Case>?> ChangeConcernAsync(AppDbContext db, CaseChanges changes, Guid id, int? version,
        string? level, string? reason, Guid actor, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var concern = CodeInput.Required<ConcernLevel>(level, "Level", errors);
        if (errors.Count > 0) return await RefuseAsync<Case>(changes, id, version, errors, cancellationToken);
        return await changes.ApplyAsync(id, version, async @case =>
        {
            var settings = await db.Organisations.AsNoTracking().Where(o => o.Id == @case.OrganisationId)
                .Select(o => o.Settings).SingleAsync(cancellationToken);
            return @case.ChangeConcern(concern, reason, ConcernRules.HoursFor(concern, settings), actor, changes.Now);
        }, cancellationToken);
    }

    // Bad input is still answered as "not found" for a case the caller cannot see, and as a
    // conflict when the version is stale, so a client learns the same thing in the same order.
    internal static Task<Result<T>?> RefuseAsync<T>(CaseChanges changes, Guid id, int? version, IReadOnlyList<Error> errors,
        CancellationToken cancellationToken) =>
        changes.ApplyAsync(id, version, _ => Result<T>.Fail(errors), cancellationToken);
}
