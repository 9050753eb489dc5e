namespace Varna.Features.Cases;

// Intake on the case page: take or assign the case, log the first contact, change the concern level.
public sealed partial class CaseDetailsModel
{
    [BindProperty] public AssignInput Assignment { get; set; } = new();
    [BindProperty] public ContactInput Contact { get; set; } = new();
    [BindProperty] public ConcernInput Concern { get; set; } = new();

    // The signed-in officer: "take the case" and the default holder of a follow-up.
    public Guid Me => Actor;

    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await CaseIntake.AssignAsync(db, changes, id, Version, Assignment.OfficerId, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Assignment), Assignment.OfficerId is null ? "Case.Released" : "Case.Assigned", cancellationToken);
    }

    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await CaseIntake.LogContactAsync(changes, id, Version, Contact.Method, Contact.ContactedAt, Contact.Note, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Contact), "Case.ContactLogged", cancellationToken);
    }

    public async Task<IActionResult> OnPostConcernAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await CaseIntake.ChangeConcernAsync(db, changes, id, Version, Concern.Level, Concern.Reason, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Concern), "Case.ConcernChanged", cancellationToken);
    }

    public sealed class ContactInput
    {
        public string? Method { get; set; }
        // Swedish local date and time as the browser's date and time fields post them.
        public string? Date { get; set; }
        public string? Time { get; set; }
        public string? Note { get; set; }

        // Where errors about the moment land. Both empty means now.
        public string? ContactedAt => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(Time) ? null : $"{Date?.Trim()}T{Time?.Trim()}";
    }

    public sealed class ConcernInput
    {
        public string? Level { get; set; }
        public string? Reason { get; set; }
    }
}
