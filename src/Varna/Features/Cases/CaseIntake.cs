namespace Varna.Features.Cases;

public sealed class AssignInput
{
    // Empty releases the case.
    public Guid? OfficerId { get; set; }
}

// The intake handlers shared by the page and the API.
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
}
