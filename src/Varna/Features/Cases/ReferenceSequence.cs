namespace Varna.Features.Cases;

public static class ReferenceSequence
{
    // Must run inside the caller's transaction: the UPDATE takes the write lock that keeps two
    // reports from receiving the same number until the transaction ends. One statement both
    // increments and reads (UPDATE … RETURNING, on SQLite 3.35+ and PostgreSQL alike).
    public static async Task<int> NextAsync(AppDbContext db, Guid organisationId, int year, CancellationToken cancellationToken)
    {
        var next = await db.Database.SqlQuery<int>(
                $"UPDATE reference_counters SET last = last + 1 WHERE organisation_id = {organisationId} AND year = {year} RETURNING last")
            .ToListAsync(cancellationToken);
        if (next.Count == 1) return next[0];

        db.ReferenceCounters.Add(new ReferenceCounter { OrganisationId = organisationId, Year = year, Last = 1 });
        await db.SaveChangesAsync(cancellationToken);
        return 1;
    }
}
