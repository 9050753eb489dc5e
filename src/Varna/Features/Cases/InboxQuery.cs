using Varna.Features.Reports;

namespace Varna.Features.Cases;

public sealed record InboxItem(Guid Id, string Reference, DateTimeOffset OpenedAt, CaseStatus Status, ConcernLevel ConcernLevel,
    DateTimeOffset? AwaitingContactUntil, bool Overdue, DateTimeOffset? FirstContactAt, PersonResponse? Assignee,
    IReadOnlyList<IncidentType> Types);

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

// The organisation's open cases, most urgent first: running first-contact clocks by deadline (so
// the overdue ones lead), then the rest by concern and age. Two segments, each an ordered walk of
// the partial index ix_cases_inbox, paged one after the other; a fixed number of queries per page
// (two counts, two segments, assignees, types) whatever the number of cases.
public static class InboxQuery
{
    public const int PageSize = 50;

    public static async Task<InboxPage> PageAsync(AppDbContext db, InboxFilter filter, Guid me, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = Filtered(db, filter, me, now);
        var clocked = open.Where(c => c.AwaitingContactUntil != null).OrderBy(c => c.AwaitingContactUntil);
        var unclocked = open.Where(c => c.AwaitingContactUntil == null)
            .OrderByDescending(c => c.ConcernRank).ThenByDescending(c => c.OpenedAt);

        var clockedCount = await clocked.CountAsync(cancellationToken);
        var unclockedCount = filter.OverdueOnly ? 0 : await unclocked.CountAsync(cancellationToken);
        var offset = (filter.Page - 1) * PageSize;
        var fromClocked = Math.Clamp(clockedCount - offset, 0, PageSize);
        var restOffset = Math.Max(0, offset - clockedCount);

        // Both segments are always asked (a zero-row take when the page lies wholly in one), so the
        // number of queries does not depend on the data.
        var rows = await Rows(clocked.Skip(Math.Min(offset, clockedCount)).Take(fromClocked)).ToListAsync(cancellationToken);
        rows.AddRange(await Rows(unclocked.Skip(restOffset).Take(PageSize - fromClocked)).ToListAsync(cancellationToken));

        var ids = rows.Select(r => r.Id).ToList();
        var assigneeIds = rows.Select(r => r.AssigneeId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.CaseId))
            .Select(r => new { r.CaseId, r.ReceivedAt, r.Types }).ToListAsync(cancellationToken);
        // The types of all the case's reports (a merged case has several), the first report's first.
        var types = reports.GroupBy(r => r.CaseId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<IncidentType>)g.OrderBy(r => r.ReceivedAt).SelectMany(r => r.Types).Distinct().ToList());

        var items = rows.Select(r => new InboxItem(r.Id, r.Reference, r.OpenedAt, r.Status, r.ConcernLevel, r.AwaitingContactUntil,
            r.AwaitingContactUntil is { } due && due < now, r.FirstContactAt,
            r.AssigneeId is { } a ? new PersonResponse(a, names.GetValueOrDefault(a, "")) : null,
            types.GetValueOrDefault(r.Id, []))).ToList();
        return new InboxPage(items, clockedCount + unclockedCount, filter.Page, PageSize);
    }

    private static IQueryable<Case> Filtered(AppDbContext db, InboxFilter filter, Guid me, DateTimeOffset now)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.Closed);
        if (filter.Status is { } status) cases = cases.Where(c => c.Status == status);
        if (filter.Concern is { } concern) cases = cases.Where(c => c.ConcernRank == (int)concern);
        cases = filter.Assignee switch
        {
            AssigneeChoice.Me => cases.Where(c => c.AssigneeId == me),
            AssigneeChoice.Unassigned => cases.Where(c => c.AssigneeId == null),
            AssigneeChoice.Officer => cases.Where(c => c.AssigneeId == filter.AssigneeId),
            _ => cases,
        };
        if (filter.OverdueOnly) cases = cases.Where(c => c.AwaitingContactUntil != null && c.AwaitingContactUntil < now);
        if (filter.Type is { } type) cases = cases.Where(c => db.Reports.Any(r => r.CaseId == c.Id && r.Types.Contains(type)));
        return cases;
    }

    private sealed record Row(Guid Id, string Reference, DateTimeOffset OpenedAt, CaseStatus Status, ConcernLevel ConcernLevel,
        DateTimeOffset? AwaitingContactUntil, DateTimeOffset? FirstContactAt, Guid? AssigneeId);

    private static IQueryable<Row> Rows(IQueryable<Case> cases) =>
        cases.Select(c => new Row(c.Id, c.Reference, c.OpenedAt, c.Status, c.ConcernLevel, c.AwaitingContactUntil, c.FirstContactAt, c.AssigneeId));
}
