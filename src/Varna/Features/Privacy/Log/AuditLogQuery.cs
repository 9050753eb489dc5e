using Varna.Features.Audit;

namespace Varna.Features.Privacy.Log;

public sealed record AuditLogRow(long Sequence, DateTimeOffset At, Guid? ActorUserId, string? ActorName, string? ActorDisplayName,
    AuditAction Action, Guid? CaseId, string? CaseReference, string? Target, string? Detail, string? IpHash);

public sealed record AuditLogPage(IReadOnlyList<AuditLogRow> Rows, int Total, int Page)
{
    public int Pages => Math.Max(1, (Total + AuditLogCriteria.PageSize - 1) / AuditLogCriteria.PageSize);
}

// The organisation's audit lines, newest first. AuditEntry has no tenant query filter (the log
// must also hold lines of no organisation), so the organisation is always stated here.
public static class AuditLogQuery
{
    public static async Task<AuditLogPage> PageAsync(AppDbContext db, AuditLogCriteria criteria, CancellationToken cancellationToken)
    {
        var entries = Matching(db, criteria);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await Rows(db, entries).Skip((criteria.Page - 1) * AuditLogCriteria.PageSize).Take(AuditLogCriteria.PageSize)
            .ToListAsync(cancellationToken);
        return new AuditLogPage(rows, total, criteria.Page);
    }

    // Every matching line, streamed (for the CSV export, which has no pages).
    public static IAsyncEnumerable<AuditLogRow> AllAsync(AppDbContext db, AuditLogCriteria criteria) =>
        Rows(db, Matching(db, criteria)).AsAsyncEnumerable();

    private static IQueryable<AuditEntry> Matching(AppDbContext db, AuditLogCriteria c)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == c.OrganisationId);
        // A failed sign-in with a known address carries that account's id too, so the account finds it.
        if (c.UserId is { } userId) entries = entries.Where(e => e.ActorUserId == userId);
        if (c.CaseId is { } caseId) entries = entries.Where(e => e.CaseId == caseId);
        if (c.FromUtc is { } from) entries = entries.Where(e => e.At >= from);
        if (c.BeforeUtc is { } before) entries = entries.Where(e => e.At < before);
        if (c.Action is { } action) entries = entries.Where(e => e.Action == action);
        return entries;
    }

    private static IQueryable<AuditLogRow> Rows(AppDbContext db, IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Sequence)
            .Select(e => new AuditLogRow(e.Sequence, e.At, e.ActorUserId, e.ActorName,
                db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                e.Action, e.CaseId,
                db.Cases.IgnoreQueryFilters().Where(k => k.Id == e.CaseId && k.OrganisationId == e.OrganisationId).Select(k => k.Reference).FirstOrDefault(),
                e.Target, e.Detail, e.IpHash));
}
