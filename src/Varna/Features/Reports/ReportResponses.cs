using Varna.Features.Cases;

namespace Varna.Features.Reports;

public sealed record ReportCreatedResponse(
    Guid Id, string Reference, CaseStatus Status, ConcernLevel ConcernLevel, DateTimeOffset? FirstContactDueAt,
    IReadOnlyList<GuidanceItem> Guidance);

public sealed record ReportSummaryResponse(
    Guid Id, string Reference, CaseStatus Status, ConcernLevel ConcernLevel, DateTimeOffset ReceivedAt,
    DateTimeOffset OccurredAt, Channel Channel, IReadOnlyList<IncidentType> Types, ReporterWish Wish,
    DateTimeOffset? FirstContactDueAt, bool OnBehalf);

public sealed record PerpetratorResponse(PerpetratorCategory? Category, IReadOnlyList<string> Identifiers);

public sealed record ReportResponse(
    Guid Id, string Reference, CaseStatus Status, ConcernLevel ConcernLevel, DateTimeOffset ReceivedAt,
    bool DangerNow, DateTimeOffset OccurredAt, bool OccurredTimeKnown, Channel Channel, IReadOnlyList<IncidentType> Types,
    string Description, ReporterWish Wish, Target Target, string? Location, PerpetratorResponse Perpetrator,
    RoleConnection? RoleConnection, string? AgendaItem, bool ReportedToPolice, string? PoliceReference,
    Guid? RepresentativeId, IntakeMethod ReceivedVia, DateTimeOffset? FirstContactDueAt,
    IReadOnlyList<EvidenceResponse> Evidence, IReadOnlyList<SupplementResponse> Supplements);

public sealed record EvidenceResponse(
    Guid Id, EvidenceKind Kind, string? FileName, string ContentType, long Size, string Sha256, string? Url, DateTimeOffset ReceivedAt)
{
    public static EvidenceResponse From(Evidence e) => new(e.Id, e.Kind, e.FileName, e.ContentType, e.Size, e.Sha256, e.Url, e.ReceivedAt);
}

public sealed record SupplementResponse(Guid Id, string Text, DateTimeOffset AddedAt);

public sealed record MessageResponse(Guid Id, bool FromReporter, string Author, string Body, DateTimeOffset SentAt);

public sealed record LinksRequest(IReadOnlyList<string?>? Links, string? Text);

public sealed record MessageRequest(string? Body);

public sealed record SupplementRequest(string? Text);
