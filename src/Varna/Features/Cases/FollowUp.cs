namespace Varna.Features.Cases;

// A reminder to come back to a case on a given day ("ring igen efter nämndmötet"). It appears in
// the officer's to-do list from that day, and the clock job e-mails them once.
public sealed class FollowUp : IOrganisationOwned
{
    public const int MaxNoteLength = 2_000;
    // A reminder further away than this is a mistyped year (0001, 9999), not a plan.
    public const int MaxYearsAway = 10;

    private FollowUp() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string? Note { get; private set; }
    public Guid OfficerId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }

    public static Result<FollowUp> Set(Case @case, DateOnly? dueOn, string? note, Guid officerId, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (dueOn is null) errors.Add(new Error("DueOn", "Validation.Required"));
        else if (Math.Abs(dueOn.Value.Year - now.Year) > MaxYearsAway) errors.Add(new Error("DueOn", "FollowUp.DueOnOutOfRange", MaxYearsAway));
        if (note?.Trim().Length > MaxNoteLength) errors.Add(new Error("Note", "Validation.TooLong", MaxNoteLength));
        if (errors.Count > 0) return Result<FollowUp>.Fail(errors);
        return Result<FollowUp>.Ok(new FollowUp
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = @case.OrganisationId,
            CaseId = @case.Id,
            DueOn = dueOn!.Value,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            OfficerId = officerId,
            CreatedAt = now,
        });
    }

    public void Done(DateTimeOffset now) => DoneAt ??= now;
}
