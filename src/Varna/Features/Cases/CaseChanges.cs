using Varna.Features.Notifications;

namespace Varna.Features.Cases;

// The one way a case is changed, for the pages and the API alike: load it (not found when it is not
// the caller's organisation's), refuse a stale version, apply the entity's rule, save the change and
// its timeline lines together. A save that loses a race with another officer is a conflict too.
public sealed class CaseChanges(AppDbContext db, TimeProvider time, NotificationSignal signal)
{
    public DateTimeOffset Now => time.GetUtcNow();
    public DateOnly Today => time.Today();

    // Null when the case does not exist for the caller (404); otherwise the change's outcome.
    public async Task<Result<T>?> ApplyAsync<T>(Guid caseId, int? expectedVersion,
        Func<Case, Task<Result<T>>> change, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null) return null;
        if (expectedVersion is { } expected && expected != @case.Version) return ChangedMeanwhile;
        var result = await change(@case);
        if (!result.Succeeded) return result;
        // Timeline lines appended to a loaded case are new rows. Found through the navigation with
        // their key already set, EF would take them for existing rows and update nothing (a false conflict).
        foreach (var line in @case.Events)
            if (db.Entry(line).State == EntityState.Detached) db.Entry(line).State = EntityState.Added;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhile;
        }
        signal.Wake();
        return result;
    }

    public Task<Result<T>?> ApplyAsync<T>(Guid caseId, int? expectedVersion, Func<Case, Result<T>> change, CancellationToken cancellationToken) =>
        ApplyAsync(caseId, expectedVersion, c => Task.FromResult(change(c)), cancellationToken);

    public static Error ChangedMeanwhile => Error.Conflict("Version", "Case.ChangedMeanwhile");
}
