namespace Varna.Features.Cases;

// Status on the case page: move forward, close with an outcome, reopen with a reason, and the
// follow-up reminders.
public sealed partial class CaseDetailsModel
{
    [BindProperty] public MoveInput Move { get; set; } = new();
    [BindProperty] public CloseInput Closing { get; set; } = new();
    [BindProperty] public ReopenInput Reopening { get; set; } = new();
    [BindProperty] public ReminderInput Reminder { get; set; } = new();

    public async Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await CaseStatusChanges.MoveAsync(changes, id, Version, Move.Status, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Move), "Case.StatusChanged", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await CaseStatusChanges.CloseAsync(changes, id, Version, Closing.Outcome, Closing.OutcomeNote,
            Closing.ReporterInformed, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Closing), "Case.ClosedDone", cancellationToken);
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await CaseStatusChanges.ReopenAsync(changes, id, Version, Reopening.Status, Reopening.Reason, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Reopening), "Case.Reopened", cancellationToken);
    }

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await CaseFollowUps.SetAsync(db, changes, id, Reminder.DueOn, Reminder.Note, Reminder.OfficerId, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Reminder), "Case.FollowUpSet", cancellationToken);
    }

    public async Task<IActionResult> OnPostFollowUpDoneAsync(Guid id, Guid followUpId, CancellationToken cancellationToken)
    {
        var outcome = await CaseFollowUps.DoneAsync(db, changes, id, followUpId, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Reminder), "Case.FollowUpDone", cancellationToken);
    }

    public sealed class MoveInput
    {
        public string? Status { get; set; }
    }

    public sealed class CloseInput
    {
        public string? Outcome { get; set; }
        public string? OutcomeNote { get; set; }
        public bool ReporterInformed { get; set; }
    }

    public sealed class ReopenInput
    {
        public string? Status { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class ReminderInput
    {
        public string? DueOn { get; set; }
        public string? Note { get; set; }
        public Guid? OfficerId { get; set; }
    }
}
