namespace Varna.Features.Reports;

public enum EvidenceKind { File, Text, Link }

// One piece of evidence and the start of its chain of custody: the server's receive time and the
// SHA-256 of exactly the bytes received. The bytes live in EvidenceContent so that listing a
// case's evidence never loads them.
public sealed class Evidence : IOrganisationOwned
{
    private Evidence() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ReportId { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public string? FileName { get; private set; }
    // Decided from the bytes, never from the name or the client's claim.
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string? Url { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public Guid AddedByUserId { get; private set; }
    public EvidenceContent? Content { get; private set; }

    public static Evidence FromBytes(Report report, EvidenceKind kind, string? fileName, string contentType, byte[] bytes,
        Guid addedBy, DateTimeOffset now)
    {
        var evidence = New(report, kind, addedBy, now);
        evidence.FileName = fileName;
        evidence.ContentType = contentType;
        evidence.Size = bytes.LongLength;
        evidence.Sha256 = Hashing.Sha256Hex(bytes);
        evidence.Content = new EvidenceContent { EvidenceId = evidence.Id, OrganisationId = report.OrganisationId, Bytes = bytes };
        return evidence;
    }

    // A link is kept as the address itself; the post behind it may be deleted tomorrow, which is why
    // the guidance asks for a screenshot as well.
    public static Evidence FromLink(Report report, Uri url, Guid addedBy, DateTimeOffset now)
    {
        var evidence = New(report, EvidenceKind.Link, addedBy, now);
        var text = url.AbsoluteUri;
        evidence.Url = text;
        evidence.ContentType = "text/uri-list";
        evidence.Size = System.Text.Encoding.UTF8.GetByteCount(text);
        evidence.Sha256 = Hashing.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(text));
        return evidence;
    }

    private static Evidence New(Report report, EvidenceKind kind, Guid addedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = report.OrganisationId,
        ReportId = report.Id,
        Kind = kind,
        ReceivedAt = now,
        AddedByUserId = addedBy,
    };
}

public sealed class EvidenceContent : IOrganisationOwned
{
    public Guid EvidenceId { get; set; }
    public Guid OrganisationId { get; set; }
    public byte[] Bytes { get; set; } = [];
}

public static class Hashing
{
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
