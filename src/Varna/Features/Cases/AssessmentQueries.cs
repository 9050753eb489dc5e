namespace Varna.Features.Cases;

// Reading the versions of a case's threat assessment. Versions are never changed once recorded.
public static class AssessmentQueries
{
    // Null when the case does not exist for the caller.
    public static async Task<AssessmentCase?> CaseAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Cases.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new AssessmentCase(c.Id, c.Reference, c.Status, c.ConcernLevel, c.Version))
            .SingleOrDefaultAsync(cancellationToken);

    // Newest first.
    public static async Task<IReadOnlyList<AssessmentResponse>> AllAsync(AppDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        await ToResponsesAsync(db, await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId)
            .OrderByDescending(a => a.Version).ToListAsync(cancellationToken), cancellationToken);

    public static async Task<AssessmentResponse?> VersionAsync(AppDbContext db, Guid caseId, int version, CancellationToken cancellationToken) =>
        (await ToResponsesAsync(db, await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId && a.Version == version)
            .ToListAsync(cancellationToken), cancellationToken)).SingleOrDefault();

    public static async Task<IReadOnlyList<AssessmentVersionRef>> VersionsAsync(AppDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId).OrderByDescending(a => a.Version)
            .Select(a => new AssessmentVersionRef(a.Version, a.RecordedAt, a.Level)).ToListAsync(cancellationToken);

    private static async Task<IReadOnlyList<AssessmentResponse>> ToResponsesAsync(AppDbContext db, List<Assessment> assessments, CancellationToken cancellationToken)
    {
        var userIds = assessments.Select(a => a.RecordedByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return assessments.Select(a => ToResponse(a, names.GetValueOrDefault(a.RecordedByUserId, ""))).ToList();
    }

    public static AssessmentResponse ToResponse(Assessment a, string recordedBy) =>
        new(a.Id, a.Version, a.RecordedAt, recordedBy, a.SuggestedLevel, a.Level, a.Rationale, a.ReassessOn,
            a.Answers.OrderBy(x => x.Factor).Select(x => new AssessmentAnswerResponse(x.Factor, AssessmentFactors.IsProtective(x.Factor), x.Answer, x.Note)).ToList());
}

public sealed record AssessmentCase(Guid Id, string Reference, CaseStatus Status, ConcernLevel ConcernLevel, int Version);

public sealed record AssessmentVersionRef(int Version, DateTimeOffset RecordedAt, ConcernLevel Level);
