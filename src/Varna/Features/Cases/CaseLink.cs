namespace Varna.Features.Cases;

// Two cases that belong together (the same perpetrator, one campaign). Stored once and read from
// both sides, so each case's page lists the other.
public sealed class CaseLink : IOrganisationOwned
{
    private CaseLink() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid LinkedCaseId { get; private set; }
    public LinkReason Reason { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }

    public static CaseLink Between(Case from, Case to, LinkReason reason, string? note, Guid actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = from.OrganisationId,
        CaseId = from.Id,
        LinkedCaseId = to.Id,
        Reason = reason,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        CreatedAt = now,
        CreatedByUserId = actor,
    };

    // Retention of either case: the link (a fact about the handling) stays, its words go.
    internal void ErasePersonalData() => Note = null;
}
