using System.Collections.Concurrent;

namespace Varna.Features.Audit;

// Appends to the audit log in its own unit of work, so a line is written whether or not the caller's
// own changes are saved, and never carries them along. Appends to one chain are serialised in this
// process; another node taking the same sequence number loses on the primary key and retries.
public sealed class AuditLog(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditLog> logger)
{
    private const int Attempts = 8;
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Gates = new();

    public async Task WriteAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        var chain = record.OrganisationId ?? Guid.Empty;
        var gate = Gates.GetOrAdd(chain, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var last = await db.AuditEntries.AsNoTracking()
                    .Where(e => e.Chain == chain)
                    .OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash })
                    .FirstOrDefaultAsync(cancellationToken);
                var entry = AuditEntry.Next(record, chain, (last?.Sequence ?? 0) + 1, last?.Hash ?? AuditEntry.GenesisHash, time.GetUtcNow());
                db.AuditEntries.Add(entry);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateException e) when (attempt < Attempts)
                {
                    // Another node appended the same sequence number first; read the new end and retry.
                    logger.LogDebug(e, "Audit chain {Chain}: sequence taken, retrying", chain);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
