namespace Varna.Features.Cases;

public static class ReferenceSequence
{
    // Reserves `count` consecutive numbers and returns the last of them. Must run inside the
    // caller's transaction: the UPDATE takes the write lock that keeps two writers from receiving
    // the same numbers until the transaction ends. One statement both increments and reads
    // (UPDATE … RETURNING, on SQLite 3.35+ and PostgreSQL alike).
    public static async Task<int> ReserveAsync(AppDbContext db, Guid organisationId, int year, int count, CancellationToken cancellationToken)
    {
        var last = await db.Database.SqlQuery<int>(
                $"UPDATE reference_counters SET last = last + {count} WHERE organisation_id = {organisationId} AND year = {year} RETURNING last")
            .ToListAsync(cancellationToken);
        if (last.Count == 1) return last[0];

        db.ReferenceCounters.Add(new ReferenceCounter { OrganisationId = organisationId, Year = year, Last = count });
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}
