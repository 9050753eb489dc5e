namespace Varna.Features.Cases;

// The body of PATCH /api/v1/cases/{id}/measures/{measureId}. The serializer calls a setter only for
// a property the body contains, so a field left out keeps its value and one sent as null is cleared.
public sealed class MeasurePatch
{
    private readonly List<Action<MeasureFields>> edits = [];

    // The measure's version as last read; required, a stale one is refused (409).
    public int? Version { get; set; }

    public string? Code { get => null; set => edits.Add(f => f.Code = value); }
    public string? Description { get => null; set => edits.Add(f => f.Description = value); }
    public string? Owner { get => null; set => edits.Add(f => f.Owner = value); }
    public Guid? OwnerOfficerId { get => null; set => edits.Add(f => f.OwnerOfficerId = value); }
    public string? Status { get => null; set => edits.Add(f => f.Status = value); }
    public DateOnly? StartOn { get => null; set => edits.Add(f => f.StartOn = value); }
    public DateOnly? ReviewOn { get => null; set => edits.Add(f => f.ReviewOn = value); }
    public DateOnly? EndOn { get => null; set => edits.Add(f => f.EndOn = value); }

    public MeasureFields ApplyTo(MeasureFields stored)
    {
        foreach (var edit in edits) edit(stored);
        return stored;
    }
}
