namespace Varna.Features.Reports;

// What a client sends, before any of it is trusted. Codes are plain strings so that an unknown one
// can be answered with the field's name and the allowed codes rather than a JSON parse failure.
public sealed record ReportRequest
{
    public string? OccurredAt { get; init; }
    public bool DangerNow { get; init; }
    public string? Channel { get; init; }
    public IReadOnlyList<string?>? Types { get; init; }
    public string? Description { get; init; }
    public string? Wish { get; init; }
    public string? Target { get; init; }
    public string? Location { get; init; }
    public PerpetratorRequest? Perpetrator { get; init; }
    public string? RoleConnection { get; init; }
    public string? AgendaItem { get; init; }
    public bool? ReportedToPolice { get; init; }
    public string? PoliceReference { get; init; }
    public Guid? OnBehalfOfRepresentativeId { get; init; }
    // How an officer received a report made on someone's behalf: phone, letter, in_person, email, other.
    public string? ReceivedVia { get; init; }
}

public sealed record PerpetratorRequest
{
    public string? Category { get; init; }
    public IReadOnlyList<string?>? Identifiers { get; init; }
}
