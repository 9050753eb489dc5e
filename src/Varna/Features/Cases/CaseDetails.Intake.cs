namespace Varna.Features.Cases;

// Intake on the case page: take or assign the case, log the first contact, change the concern level.
public sealed partial class CaseDetailsModel
{
    [BindProperty] public AssignInput Assignment { get; set; } = new();

    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await CaseIntake.AssignAsync(db, changes, id, Version, Assignment.OfficerId, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Assignment), "Case.Assigned", cancellationToken);
    }
}
