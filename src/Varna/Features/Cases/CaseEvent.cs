namespace Varna.Features.Cases;

public enum CaseEventKind
{
    Opened, Assigned, Unassigned, ContactLogged, ConcernChanged, StatusChanged, Closed, Reopened,
    AssessmentRecorded, MeasureAdded, MeasureChanged, PoliceReportRecorded, NoteAdded,
    MessageToReporter, MessageFromReporter, InformationAdded, Linked, MergedInto, MergedFrom,
    FollowUpSet, FollowUpDone, FirstContactOverdue, FirstContactLate,
}

// One line of a case's timeline. Written in the same transaction as the change it records and never
// edited, so the timeline is the case's history. Internal notes are events too: only officers read
// the timeline; the reporter sees messages and status, never this.
public sealed class CaseEvent : IOrganisationOwned
{
    public const int MaxTextLength = 10_000;

    private CaseEvent() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTimeOffset At { get; private set; }
    // Null when the system did it (the clock job, a report arriving).
    public Guid? ActorUserId { get; private set; }
    public CaseEventKind Kind { get; private set; }
    // Codes before and after a change ("moderate" -> "high"), or the other party's id as text.
    public string? From { get; private set; }
    public string? To { get; private set; }
    // A stated reason or a note.
    public string? Text { get; private set; }
    // The report, measure, assessment, message or other case the line is about.
    public Guid? RelatedId { get; private set; }

    // The one exception to "never edited": when the case's personal data is erased the line keeps its
    // kind, time and codes (the case's handling history, for statistics) but loses its words.
    internal void ErasePersonalData() => Text = null;

    public static CaseEvent Record(Guid organisationId, Guid caseId, CaseEventKind kind, Guid? actor, DateTimeOffset now,
        string? from = null, string? to = null, string? text = null, Guid? relatedId = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        CaseId = caseId,
        At = now,
        ActorUserId = actor,
        Kind = kind,
        From = from,
        To = to,
        Text = text,
        RelatedId = relatedId,
    };
}
