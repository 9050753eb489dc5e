namespace Varna.Features.Reports;

public sealed record EvidenceFile(string FileName, string ContentType, byte[] Bytes);

public static class EvidenceFiles
{
    // Text evidence is offered as a .txt file so it is never rendered as a page in the browser.
    public static async Task<EvidenceFile?> FindAsync(AppDbContext db, Guid reportId, Guid evidenceId, CancellationToken cancellationToken)
    {
        var found = await db.Evidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && e.ReportId == reportId && e.Content != null)
            .Select(e => new { e.Kind, e.FileName, e.ContentType, e.Content!.Bytes, e.ReceivedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var name = found.FileName ?? $"text-{found.ReceivedAt:yyyyMMdd-HHmmss}.txt";
        return new EvidenceFile(name, found.ContentType, found.Bytes);
    }
}
