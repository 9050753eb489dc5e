namespace Varna.Features.Cases;

// Internal notes on the case page: officers only, never shown to the reporter.
public sealed partial class CaseDetailsModel
{
    [BindProperty] public NoteInput Note { get; set; } = new();

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await CaseNotes.AddAsync(db, changes, id, Note.Text, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Note), "Case.NoteAdded", cancellationToken);
    }
}
