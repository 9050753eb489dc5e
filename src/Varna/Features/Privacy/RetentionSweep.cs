using Varna.Features.Audit;
using Varna.Features.Cases;

namespace Varna.Features.Privacy;

// One run of the retention rule (RetentionWorker runs it daily): for every organisation, the
// personal data of each case closed longer ago than the organisation keeps it is erased, one case
// per transaction, and each erasure gets its audit line. A run that stops half-way (crash,
// shutdown) leaves every case either erased and marked, or untouched; the next run takes the rest.
//
// A case merged into another is part of that case's history, so it is erased together with the
// case it was merged into (the end of its chain of merges), when that one is past retention.
public sealed class RetentionSweep(AppDbContext db, RetentionEraser eraser, AuditLog audit, TimeProvider time, ILogger<RetentionSweep> logger)
{
    // Returns how many cases were erased. afterEachCase lets a test stop the run between two cases.
    public async Task<int> RunAsync(CancellationToken cancellationToken = default, Func<Guid, Task>? afterEachCase = null)
    {
        var now = time.GetUtcNow();
        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new { o.Id, o.Settings.RetentionMonthsAfterClosure }).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var organisation in organisations)
        {
            await RecordMissingAuditLinesAsync(organisation.Id, now, cancellationToken);
            foreach (var caseId in await DueAsync(organisation.Id, organisation.RetentionMonthsAfterClosure, now, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await EraseOneAsync(organisation.Id, caseId, now, cancellationToken)) erased++;
                if (afterEachCase is not null) await afterEachCase(caseId);
            }
        }
        return erased;
    }

    // Closed, not yet erased, past the cutoff, and (for a merged case) its final target too.
    internal async Task<List<Guid>> DueAsync(Guid organisationId, int months, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = Case.RetentionCutoff(months, now);
        var candidates = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.Status == CaseStatus.Closed && c.PersonalDataErasedAt == null && c.ClosedAt < cutoff)
            .OrderBy(c => c.ClosedAt)
            .Select(c => new CaseState(c.Id, c.MergedIntoCaseId, c.Status, c.ClosedAt))
            .ToListAsync(cancellationToken);
        var known = candidates.ToDictionary(c => c.Id);
        // Merges form short chains; load the targets not already known, a level at a time.
        for (var missing = Missing(known); missing.Count > 0; missing = Missing(known))
        {
            var targets = await db.Cases.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.OrganisationId == organisationId && missing.Contains(c.Id))
                .Select(c => new CaseState(c.Id, c.MergedIntoCaseId, c.Status, c.ClosedAt))
                .ToListAsync(cancellationToken);
            foreach (var target in targets) known[target.Id] = target;
            if (targets.Count < missing.Count) break; // a target of another organisation cannot be; stop rather than loop
        }
        return candidates.Where(c => RootOf(c, known) is { Status: CaseStatus.Closed } root && root.ClosedAt < cutoff)
            .Select(c => c.Id).ToList();
    }

    private static List<Guid> Missing(Dictionary<Guid, CaseState> known) =>
        known.Values.Where(c => c.MergedIntoCaseId is { } target && !known.ContainsKey(target))
            .Select(c => c.MergedIntoCaseId!.Value).Distinct().ToList();

    private static CaseState? RootOf(CaseState state, Dictionary<Guid, CaseState> known)
    {
        for (var steps = 0; steps < 100; steps++)
        {
            if (state.MergedIntoCaseId is not { } target) return state;
            if (!known.TryGetValue(target, out var next)) return null;
            state = next;
        }
        return null;
    }

    private async Task<bool> EraseOneAsync(Guid organisationId, Guid caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ErasedCounts counts;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var erased = await eraser.EraseAsync(organisationId, caseId, now, cancellationToken);
            if (erased is null) return false; // another node (or an erasure on request) got there first
            await transaction.CommitAsync(cancellationToken);
            counts = erased.Value.Counts;
        }
        catch (DbUpdateConcurrencyException e)
        {
            // Someone changed the case meanwhile; nothing was committed, and the next run tries again.
            logger.LogInformation(e, "Retention: case {CaseId} changed while it was being erased; it is tried again next run.", caseId);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        await audit.WriteAsync(new AuditRecord(AuditAction.RetentionErased, organisationId, CaseId: caseId, Detail: counts.ToDetail()),
            CancellationToken.None);
        return true;
    }

    // The audit line is written right after its case's transaction commits (the log has its own unit of
    // work, and SQLite allows one writer). A crash between the two leaves an erased case without its
    // line; the next run finds such cases and writes the line, saying it came late. An hour's grace
    // leaves an erasure that is committing right now to write its own line.
    private async Task RecordMissingAuditLinesAsync(Guid organisationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settled = now - TimeSpan.FromHours(1);
        var unlogged = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.PersonalDataErasedAt < settled
                && !db.AuditEntries.Any(a => a.OrganisationId == organisationId && a.CaseId == c.Id
                    && (a.Action == AuditAction.RetentionErased || a.Action == AuditAction.Erasure)))
            .Select(c => new { c.Id, c.PersonalDataErasedAt }).ToListAsync(cancellationToken);
        foreach (var c in unlogged)
        {
            await audit.WriteAsync(new AuditRecord(AuditAction.RetentionErased, organisationId, CaseId: c.Id,
                Detail: $"recorded_late; erased_at={c.PersonalDataErasedAt:O}"), cancellationToken);
        }
    }

    private sealed record CaseState(Guid Id, Guid? MergedIntoCaseId, CaseStatus Status, DateTimeOffset? ClosedAt);
}
