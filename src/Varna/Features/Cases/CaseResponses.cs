using Varna.Features.Reports;

namespace Varna.Features.Cases;

// What an officer sees of a case: the page renders it and GET /api/v1/cases/{id} returns it.
public sealed record CaseResponse(
    Guid Id, string Reference, CaseStatus Status, ConcernLevel ConcernLevel, DateTimeOffset OpenedAt,
    DateTimeOffset? FirstContactDueAt, DateTimeOffset? AwaitingContactUntil, bool Overdue,
    DateTimeOffset? FirstContactAt, ContactMethod? FirstContactMethod, PersonResponse? Assignee, PersonResponse? Representative,
    DateTimeOffset? ClosedAt, CaseOutcome? Outcome, string? OutcomeNote, DateTimeOffset? ReporterInformedAt,
    CaseRefResponse? MergedInto, int Version,
    IReadOnlyList<CaseReportResponse> Reports, IReadOnlyList<AssessmentResponse> Assessments,
    IReadOnlyList<MeasureResponse> Measures, PoliceReportResponse? PoliceReport, IReadOnlyList<CaseLinkResponse> Links,
    IReadOnlyList<FollowUpResponse> FollowUps, IReadOnlyList<TimelineEntryResponse> Timeline,
    DateTimeOffset? PersonalDataErasedAt = null);

public sealed record PersonResponse(Guid Id, string Name);

public sealed record CaseRefResponse(Guid Id, string Reference, CaseStatus Status);

public sealed record CaseReportResponse(ReportResponse Report, IReadOnlyList<MessageResponse> Messages);

public sealed record AssessmentResponse(Guid Id, int Version, DateTimeOffset RecordedAt, string RecordedBy, ConcernLevel SuggestedLevel,
    ConcernLevel Level, string Rationale, DateOnly? ReassessOn, IReadOnlyList<AssessmentAnswerResponse> Answers);

public sealed record AssessmentAnswerResponse(AssessmentFactor Factor, bool Protective, FactorAnswer Answer, string? Note);

public sealed record MeasureResponse(Guid Id, MeasureCode Code, string? Description, string Owner, PersonResponse? OwnerOfficer,
    MeasureStatus Status, DateOnly? StartOn, DateOnly? ReviewOn, DateOnly? EndOn, int Version);

public sealed record PoliceReportResponse(bool Reported, PoliceReporter? ReportedBy, string? Reference, DateOnly? ReportedOn,
    PoliceOutcome? Outcome, string? OutcomeNote, DateTimeOffset UpdatedAt);

public sealed record CaseLinkResponse(CaseRefResponse Case, LinkReason Reason, string? Note, DateTimeOffset CreatedAt);

public sealed record FollowUpResponse(Guid Id, DateOnly DueOn, string? Note, PersonResponse Officer, DateTimeOffset? DoneAt);

// From/To hold codes or references as they were at the time; Text a reason or an internal note.
public sealed record TimelineEntryResponse(Guid Id, DateTimeOffset At, CaseEventKind Kind, string? Actor, string? From, string? To,
    string? Text, Guid? RelatedId);
