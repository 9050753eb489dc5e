namespace Varna.Features.Reports;

public sealed record EvidenceFile(string FileName, string ContentType, byte[] Bytes);

// Every download of evidence (the officer's, the reporter's and the API's) goes through here. The
// file is always sent as an attachment (FileResult with a download name), with the type its bytes
// were sniffed as, and a name that cannot turn it into a page when saved and opened.
public static class EvidenceFiles
{
    // What ContentSniffer accepts. Anything else (an older row, a type added by mistake) goes out
    // as bytes without a type a browser would render, never as text/html or image/svg+xml.
    private static readonly HashSet<string> Served = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/avif", "application/pdf",
        "audio/ogg", "audio/amr", "audio/mpeg", "audio/wav", "audio/aac", "audio/mp4",
        "video/mp4", "video/quicktime", "video/3gpp", "text/plain", "message/rfc822",
    };

    private const int MaxNameLength = 120;

    public static async Task<EvidenceFile?> FindAsync(AppDbContext db, Guid reportId, Guid evidenceId, CancellationToken cancellationToken)
    {
        var found = await db.Evidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && e.ReportId == reportId && e.Content != null)
            .Select(e => new { e.Kind, e.FileName, e.ContentType, e.Content!.Bytes, e.ReceivedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        // Text evidence is offered as a .txt file so it is never rendered as a page in the browser.
        var name = found.FileName ?? $"text-{found.ReceivedAt:yyyyMMdd-HHmmss}.txt";
        var type = Served.Contains(found.ContentType) ? found.ContentType : "application/octet-stream";
        return new EvidenceFile(SafeName(name, type), type, found.Bytes);
    }

    // The reporter's own name, kept readable (å, ä and ö go out as RFC 5987 filename*), without
    // folders, control characters or characters Windows refuses. A text file (an uploaded .html or
    // .svg is sniffed as text) always ends in .txt, so opening the saved file shows text rather
    // than running it as a page or a script.
    public static string SafeName(string name, string contentType)
    {
        var last = name.Replace('\\', '/').Split('/').Last();
        var cleaned = new string(last.Select(c => char.IsControl(c) || "\"*:<>?|".Contains(c) ? '_' : c).ToArray()).Trim(' ', '.');
        if (cleaned.Length == 0) cleaned = "bevis";
        if (cleaned.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(cleaned) is { Length: <= 16 } e ? e : "";
            cleaned = cleaned[..(MaxNameLength - extension.Length)] + extension;
        }
        if (contentType == "text/plain" && !cleaned.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) cleaned += ".txt";
        return cleaned;
    }
}
