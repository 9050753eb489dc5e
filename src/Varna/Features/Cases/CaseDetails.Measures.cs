namespace Varna.Features.Cases;

// Measures on the case page: the table of the case's measures and the form that adds one.
public sealed partial class CaseDetailsModel
{
    [BindProperty] public MeasureFields NewMeasure { get; set; } = new();
    private bool measurePosted;

    public DateOnly Today => changes.Today;

    // Only this form's own fields count: every form's inputs are bound on every post.
    private bool HasBindingErrors(string prefix) =>
        ModelState.Any(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value?.Errors.Count > 0);

    // The signed-in officer follows up a new measure unless they chose otherwise (or no one).
    public Guid? NewMeasureOfficerId => measurePosted ? NewMeasure.OwnerOfficerId : Actor;

    public async Task<IActionResult> OnPostMeasureAsync(Guid id, CancellationToken cancellationToken)
    {
        measurePosted = true;
        // A value that could not be read (a malformed date) is already named on its field.
        if (HasBindingErrors(nameof(NewMeasure))) return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        var outcome = await CaseMeasures.AddAsync(db, changes, id, NewMeasure, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(NewMeasure), "Measure.Added", cancellationToken);
    }
}
