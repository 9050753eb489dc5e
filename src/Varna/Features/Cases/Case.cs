namespace Varna.Features.Cases;

// What the organisation's security officers work on. A report always opens one; later reports of
// the same incident or campaign may be merged into it. Every change goes through a method here,
// writes a timeline line and bumps Version, which guards against two officers overwriting each other.
public sealed partial class Case : IOrganisationOwned
{
    public const int MaxReasonLength = 2_000;

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
    // ConcernLevel as a number, so the inbox can sort by urgency with an index (the code is text).
    public int ConcernRank { get; private set; }
    // The deadline the organisation's SLA gave the first contact; kept after contact for statistics.
    public DateTimeOffset? FirstContactDueAt { get; private set; }
    // The running clock: the deadline while no first contact is logged and the case is open, else null.
    // The inbox sorts on it and the clock job watches it.
    public DateTimeOffset? AwaitingContactUntil { get; private set; }
    public DateTimeOffset? FirstContactAt { get; private set; }
    public ContactMethod? FirstContactMethod { get; private set; }
    // Set once by the clock job, so the officers are told once per case (and once more at 24 hours).
    public DateTimeOffset? OverdueNotifiedAt { get; private set; }
    public DateTimeOffset? LateNotifiedAt { get; private set; }
    public Guid? AssigneeId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public CaseOutcome? Outcome { get; private set; }
    public string? OutcomeNote { get; private set; }
    // Closing records that the representative was told; the officer confirms it, with this time.
    public DateTimeOffset? ReporterInformedAt { get; private set; }
    public Guid? MergedIntoCaseId { get; private set; }
    // Set when the retention rule (or an erasure) has removed the case's personal data; what is left
    // is the anonymised statistical fact.
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }
    public int Version { get; private set; }

    private readonly List<CaseEvent> events = [];
    // Only ever appended to; EF inserts what was added when the case is saved.
    public IReadOnlyCollection<CaseEvent> Events => events;

    public static Case Open(Guid organisationId, string referencePrefix, int year, int sequence, Guid? representativeId,
        ConcernLevel level, DateTimeOffset? firstContactDueAt, DateTimeOffset now)
    {
        var @case = new Case
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            Reference = FormatReference(referencePrefix, year, sequence),
            Year = year,
            Sequence = sequence,
            RepresentativeId = representativeId,
            Status = CaseStatus.New,
            ConcernLevel = level,
            ConcernRank = (int)level,
            FirstContactDueAt = firstContactDueAt,
            AwaitingContactUntil = firstContactDueAt,
            OpenedAt = now,
            UpdatedAt = now,
        };
        @case.Record(CaseEventKind.Opened, null, now, to: Codes.Of(level));
        return @case;
    }

    public static string FormatReference(string prefix, int year, int sequence) => $"{prefix}-{year}-{sequence:0000}";

    public bool IsClosed => Status == CaseStatus.Closed;

    public bool IsOverdue(DateTimeOffset now) => AwaitingContactUntil is { } due && due < now;

    internal void Record(CaseEventKind kind, Guid? actor, DateTimeOffset now,
        string? from = null, string? to = null, string? text = null, Guid? relatedId = null) =>
        events.Add(CaseEvent.Record(OrganisationId, Id, kind, actor, now, from, to, text, relatedId));

    // Every change of the case's own state goes through here.
    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Error? ReasonError(string field, string? reason, bool required)
    {
        if (required && Trimmed(reason) is null) return new Error(field, "Validation.Required");
        return reason?.Trim().Length > MaxReasonLength ? new Error(field, "Validation.TooLong", MaxReasonLength) : null;
    }
}
