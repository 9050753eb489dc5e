namespace Varna.Features.Cases;

public enum TodoKind { FollowUp, MeasureReview, Reassessment }

// One thing an officer should do on a day: a follow-up (its note), a measure to review (its code
// and description) or a new assessment of a case.
public sealed record TodoItem(TodoKind Kind, Guid ItemId, DateOnly DueOn, CaseRefResponse Case, string? Note, MeasureCode? Measure);

public sealed record TodoList(DateOnly Today, IReadOnlyList<TodoItem> Due, IReadOnlyList<TodoItem> Upcoming);

// The signed-in officer's own to-do list: what is due today or earlier (oldest first), and what
// falls due in the next two weeks. One query per kind, whatever the number of cases.
public static class TodoQuery
{
    public const int UpcomingDays = 14;

    public static async Task<TodoList> ForAsync(AppDbContext db, Guid me, DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(UpcomingDays);
        var all = (await FollowUps(db, me, horizon).ToListAsync(cancellationToken))
            .Concat(await MeasureReviews(db, me, horizon).ToListAsync(cancellationToken))
            .Concat(await Reassessments(db, me, horizon).ToListAsync(cancellationToken))
            .OrderBy(i => i.DueOn).ThenBy(i => i.Kind).ThenBy(i => i.Case.Reference, StringComparer.Ordinal).ToList();
        return new TodoList(today, all.Where(i => i.DueOn <= today).ToList(), all.Where(i => i.DueOn > today).ToList());
    }

    // The start page's figure: what is due now, counted in the database.
    public static async Task<int> DueCountAsync(AppDbContext db, Guid me, DateOnly today, CancellationToken cancellationToken) =>
        await FollowUps(db, me, today).CountAsync(cancellationToken)
        + await MeasureReviews(db, me, today).CountAsync(cancellationToken)
        + await Reassessments(db, me, today).CountAsync(cancellationToken);

    private static IQueryable<TodoItem> FollowUps(AppDbContext db, Guid me, DateOnly until) =>
        db.FollowUps.AsNoTracking()
            .Where(f => f.OfficerId == me && f.DoneAt == null && f.DueOn <= until)
            .Join(db.Cases, f => f.CaseId, c => c.Id, (f, c) => new TodoItem(TodoKind.FollowUp, f.Id, f.DueOn,
                new CaseRefResponse(c.Id, c.Reference, c.Status), f.Note, null));

    // A measure without an owner officer is followed up by whoever holds the case.
    private static IQueryable<TodoItem> MeasureReviews(AppDbContext db, Guid me, DateOnly until) =>
        db.Measures.AsNoTracking()
            .Where(m => m.ReviewOn != null && m.ReviewOn <= until && (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.Active))
            .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new { m, c })
            .Where(x => x.m.OwnerOfficerId == me || (x.m.OwnerOfficerId == null && x.c.AssigneeId == me))
            .Select(x => new TodoItem(TodoKind.MeasureReview, x.m.Id, x.m.ReviewOn!.Value,
                new CaseRefResponse(x.c.Id, x.c.Reference, x.c.Status), x.m.Description, x.m.Code));

    // Only the latest assessment of a case counts: a newer one replaces the earlier re-assessment date.
    private static IQueryable<TodoItem> Reassessments(AppDbContext db, Guid me, DateOnly until) =>
        db.Assessments.AsNoTracking()
            .Where(a => a.ReassessOn != null && a.ReassessOn <= until
                && a.Version == db.Assessments.Where(b => b.CaseId == a.CaseId).Max(b => b.Version))
            .Join(db.Cases.Where(c => c.Status != CaseStatus.Closed && c.AssigneeId == me), a => a.CaseId, c => c.Id,
                (a, c) => new TodoItem(TodoKind.Reassessment, a.Id, a.ReassessOn!.Value,
                    new CaseRefResponse(c.Id, c.Reference, c.Status), null, null));
}
