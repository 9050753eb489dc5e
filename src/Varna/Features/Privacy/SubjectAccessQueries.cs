using Varna.Features.Cases;
using Varna.Features.Reports;

namespace Varna.Features.Privacy;

// What the case file holds beyond what the export contains, by kind, so the data protection officer
// knows what to examine for a separate decision (see SubjectAccessReadme).
public sealed record WithheldMaterial(int Assessments, int InternalNotes, int Measures, bool PoliceReport, int Links, int FollowUps);

public static class SubjectAccessQueries
{
    // Reports about the representative, and those their own account submitted (perhaps about a relative).
    // Under the caller's tenant filter.
    public static Task<List<Report>> ReportsAboutAsync(AppDbContext db, Guid representativeId, IReadOnlyList<Guid> accountIds,
        CancellationToken cancellationToken) =>
        db.Reports.AsNoTracking()
            .Where(r => r.RepresentativeId == representativeId
                || (accountIds.Contains(r.SubmittedByUserId) && r.IntakeMethod == IntakeMethod.SelfService))
            .OrderBy(r => r.ReceivedAt).ToListAsync(cancellationToken);

    public static async Task<Dictionary<Guid, WithheldMaterial>> WithheldAsync(AppDbContext db, IReadOnlyList<Guid> caseIds,
        CancellationToken cancellationToken)
    {
        var assessments = await CountAsync(db.Assessments.AsNoTracking().Where(a => caseIds.Contains(a.CaseId)).Select(a => a.CaseId), cancellationToken);
        var notes = await CountAsync(db.CaseEvents.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.Kind == CaseEventKind.NoteAdded)
            .Select(e => e.CaseId), cancellationToken);
        var measures = await CountAsync(db.Measures.AsNoTracking().Where(m => caseIds.Contains(m.CaseId)).Select(m => m.CaseId), cancellationToken);
        var police = (await db.PoliceReports.AsNoTracking().Where(p => caseIds.Contains(p.CaseId)).Select(p => p.CaseId).ToListAsync(cancellationToken)).ToHashSet();
        var links = await CountAsync(db.CaseLinks.AsNoTracking().Where(l => caseIds.Contains(l.CaseId)).Select(l => l.CaseId)
            .Concat(db.CaseLinks.AsNoTracking().Where(l => caseIds.Contains(l.LinkedCaseId)).Select(l => l.LinkedCaseId)), cancellationToken);
        var followUps = await CountAsync(db.FollowUps.AsNoTracking().Where(f => caseIds.Contains(f.CaseId)).Select(f => f.CaseId), cancellationToken);
        return caseIds.ToDictionary(id => id, id => new WithheldMaterial(assessments.GetValueOrDefault(id), notes.GetValueOrDefault(id),
            measures.GetValueOrDefault(id), police.Contains(id), links.GetValueOrDefault(id), followUps.GetValueOrDefault(id)));
    }

    private static async Task<Dictionary<Guid, int>> CountAsync(IQueryable<Guid> caseIds, CancellationToken cancellationToken) =>
        (await caseIds.ToListAsync(cancellationToken)).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
}

public static class SubjectAccessFiles
{
    // A name safe in any unzip tool: no directories, no control or reserved characters, not too long.
    public static string Sanitise(string? name, string fallback)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var safe = new string(file.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_').ToArray()).Trim(' ', '.');
        if (safe.Length == 0) return fallback;
        return safe.Length <= 100 ? safe : safe[^100..];
    }
}
