namespace Varna.Features.Cases;

public static class ReferenceSequence
{
    // Must run inside the caller's transaction: the UPDATE takes the write lock that keeps two
    // reports from receiving the same number until the transaction ends.
    public static async Task<int> NextAsync(AppDbContext db, Guid organisationId, int year, CancellationToken cancellationToken)
    {
        var counters = db.ReferenceCounters.Where(c => c.OrganisationId == organisationId && c.Year == year);
        var updated = await counters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken);
        if (updated == 0)
        {
            db.ReferenceCounters.Add(new ReferenceCounter { OrganisationId = organisationId, Year = year, Last = 1 });
            await db.SaveChangesAsync(cancellationToken);
            return 1;
        }
        return await counters.Select(c => c.Last).SingleAsync(cancellationToken);
    }
}
