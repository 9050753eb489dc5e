namespace Varna.Features.Audit;

public enum AuditBreakKind
{
    // A sequence number is missing (a line was deleted) or out of place.
    Gap,
    // The line does not point at the hash of the line before it.
    PreviousHash,
    // The line's content no longer matches its own hash (it was edited).
    Hash,
}

public sealed record AuditBreak(long Sequence, DateTimeOffset At, AuditBreakKind Kind, string Description);

public sealed record AuditChainCheck(Guid Chain, string OrganisationName, long Entries, AuditBreak? Break)
{
    public bool Intact => Break is null;
}

public sealed record AuditVerification(IReadOnlyList<AuditChainCheck> Chains)
{
    public bool Intact => Chains.All(c => c.Intact);
}

// Walks every chain from its first line and stops at the first line that does not follow from the
// one before. Reused by `-- audit verify` and by whatever must trust the log (backup, restore).
// What it cannot see: lines cut off at the end of a chain, or a chain rewritten from some point on
// with fresh hashes; for those, compare with a copy of the last hash kept elsewhere.
public static class AuditChain
{
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var chains = await db.AuditEntries.AsNoTracking().Select(e => e.Chain).Distinct().ToListAsync(cancellationToken);
        var names = await db.Organisations.AsNoTracking().IgnoreQueryFilters()
            .Where(o => chains.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var checks = new List<AuditChainCheck>();
        foreach (var chain in chains.OrderBy(c => names.GetValueOrDefault(c, ""), StringComparer.Ordinal).ThenBy(c => c))
        {
            var (entries, broken) = await WalkAsync(db, chain, cancellationToken);
            checks.Add(new AuditChainCheck(chain, names.GetValueOrDefault(chain) ?? "no organisation", entries, broken));
        }
        return new AuditVerification(checks);
    }

    private static async Task<(long Entries, AuditBreak? Break)> WalkAsync(AppDbContext db, Guid chain, CancellationToken cancellationToken)
    {
        long expected = 1, count = 0;
        var previousHash = AuditEntry.GenesisHash;
        // Streamed, so a chain of millions of lines is checked in constant memory.
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Chain == chain).OrderBy(e => e.Sequence)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (entry.Sequence != expected)
                return (count, new AuditBreak(entry.Sequence, entry.At, AuditBreakKind.Gap,
                    entry.Sequence > expected
                        ? $"sequence {expected}{(entry.Sequence - expected > 1 ? $"–{entry.Sequence - 1}" : "")} is missing before this entry (deleted)"
                        : $"sequence {entry.Sequence} where {expected} was expected"));
            if (entry.PreviousHash != previousHash)
                return (count, new AuditBreak(entry.Sequence, entry.At, AuditBreakKind.PreviousHash,
                    "its previous-hash does not match the entry before it (an entry before it was replaced)"));
            if (entry.ComputeHash() != entry.Hash)
                return (count, new AuditBreak(entry.Sequence, entry.At, AuditBreakKind.Hash,
                    "its content does not match its hash (the entry was altered)"));
            previousHash = entry.Hash;
            expected++;
        }
        return (count, null);
    }
}
