namespace Varna.Features.Cases;

// The police report on the case page: whether one was made, by whom, its reference and the outcome.
public sealed partial class CaseDetailsModel
{
    [BindProperty] public PoliceFields Police { get; set; } = new();
    private bool policePosted;

    // What the form shows: the officer's own input after a refused post, else the record as stored.
    public PoliceFields PoliceForm => policePosted && ConflictMessage is null ? Police : PoliceFields.Of(Case.PoliceReport);

    public async Task<IActionResult> OnPostPoliceAsync(Guid id, CancellationToken cancellationToken)
    {
        policePosted = true;
        if (HasBindingErrors(nameof(Police))) return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        var outcome = await CasePoliceReports.RecordAsync(db, changes, id, Version, Police, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Police), "Police.Recorded", cancellationToken);
    }
}
