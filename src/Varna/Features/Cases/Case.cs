using Varna.Features.Reports;

namespace Varna.Features.Cases;

// What the organisation's security officers work on. A report always opens one; later reports of
// the same incident or campaign may be merged into it (the case-handling issue).
public sealed class Case : IOrganisationOwned
{
    private Case() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    // "DEMO-2026-0007": unique per organisation, readable aloud on the phone.
    public string Reference { get; private set; } = "";
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    // The representative the case is about, when known.
    public Guid? RepresentativeId { get; private set; }
    public CaseStatus Status { get; private set; }
    public ConcernLevel ConcernLevel { get; private set; }
    public DateTimeOffset? FirstContactDueAt { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }

    public static Case Open(Guid organisationId, string referencePrefix, int year, int sequence, Guid? representativeId,
        ConcernLevel level, DateTimeOffset? firstContactDueAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        Reference = FormatReference(referencePrefix, year, sequence),
        Year = year,
        Sequence = sequence,
        RepresentativeId = representativeId,
        Status = CaseStatus.New,
        ConcernLevel = level,
        FirstContactDueAt = firstContactDueAt,
        OpenedAt = now,
    };

    public static string FormatReference(string prefix, int year, int sequence) => $"{prefix}-{year}-{sequence:0000}";
}
