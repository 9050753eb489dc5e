using Varna.Features.Cases;

namespace Varna.Features.Reports;

// What a representative (or an officer on their behalf) told the organisation, as they told it.
// Never edited afterwards: later information arrives as supplements, evidence and messages, so the
// original account stays the first entry of the case's chain of custody.
public sealed class Report : IOrganisationOwned
{
    public const int MaxDescriptionLength = 10_000;
    public const int MaxShortTextLength = 500;
    public const int MaxIdentifiers = 50;

    private Report() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid? RepresentativeId { get; private set; }
    public Guid SubmittedByUserId { get; private set; }
    public IntakeMethod IntakeMethod { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    public bool DangerNow { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    // False when only the date was given; OccurredAt is then that day's start, Swedish time.
    public bool OccurredTimeKnown { get; private set; }
    public Channel Channel { get; private set; }
    public List<IncidentType> Types { get; private set; } = [];
    public string Description { get; private set; } = "";
    public ReporterWish Wish { get; private set; }
    public Target Target { get; private set; }
    public string? Location { get; private set; }
    public PerpetratorCategory? PerpetratorCategory { get; private set; }
    public List<string> PerpetratorIdentifiers { get; private set; } = [];
    public RoleConnection? RoleConnection { get; private set; }
    public string? AgendaItem { get; private set; }
    public bool ReportedToPolice { get; private set; }
    public string? PoliceReference { get; private set; }

    public bool OnBehalf => IntakeMethod != IntakeMethod.SelfService;

    public static Report Create(Case @case, ReportDraft draft, Guid submittedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = @case.OrganisationId,
        CaseId = @case.Id,
        RepresentativeId = draft.RepresentativeId,
        SubmittedByUserId = submittedBy,
        IntakeMethod = draft.IntakeMethod,
        ReceivedAt = now,
        DangerNow = draft.DangerNow,
        OccurredAt = draft.OccurredAt,
        OccurredTimeKnown = draft.OccurredTimeKnown,
        Channel = draft.Channel,
        Types = [.. draft.Types],
        Description = draft.Description,
        Wish = draft.Wish,
        Target = draft.Target,
        Location = draft.Location,
        PerpetratorCategory = draft.PerpetratorCategory,
        PerpetratorIdentifiers = [.. draft.PerpetratorIdentifiers],
        RoleConnection = draft.RoleConnection,
        AgendaItem = draft.AgendaItem,
        ReportedToPolice = draft.ReportedToPolice,
        PoliceReference = draft.PoliceReference,
    };

    // A merge hands the report, with its evidence and conversation, to the case it was merged into.
    // Only Case.MergeInto's caller (CaseLinking) does this, in the same save as the merge.
    internal void MoveTo(Case target) => CaseId = target.Id;

    // Retention or erasure: what identifies a person goes (free text, identifiers, the police's
    // number, the link to the representative, the exact day); the codes stay for statistics.
    // SubmittedByUserId cannot go: the column is required (see docs/decisions on retention).
    internal void ErasePersonalData()
    {
        Description = "";
        Location = null;
        AgendaItem = null;
        PerpetratorIdentifiers = [];
        PoliceReference = null;
        RepresentativeId = null;
        OccurredAt = MonthOf(OccurredAt);
        OccurredTimeKnown = false;
    }

    // The first moment of the Swedish calendar month the moment falls in.
    internal static DateTimeOffset MonthOf(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, Swedish.TimeZone);
        var first = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(first, Swedish.TimeZone.GetUtcOffset(first)).ToUniversalTime();
    }
}

// A report that has passed validation: every code known, every text within bounds.
public sealed record ReportDraft(
    bool DangerNow,
    DateTimeOffset OccurredAt,
    bool OccurredTimeKnown,
    Channel Channel,
    IReadOnlyList<IncidentType> Types,
    string Description,
    ReporterWish Wish,
    Target Target,
    string? Location,
    PerpetratorCategory? PerpetratorCategory,
    IReadOnlyList<string> PerpetratorIdentifiers,
    RoleConnection? RoleConnection,
    string? AgendaItem,
    bool ReportedToPolice,
    string? PoliceReference,
    Guid? RepresentativeId,
    IntakeMethod IntakeMethod);
