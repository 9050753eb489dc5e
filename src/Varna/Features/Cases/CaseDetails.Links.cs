namespace Varna.Features.Cases;

// Linking this case to a related one, and merging it into another.
public sealed partial class CaseDetailsModel
{
    [BindProperty] public LinkInput Link { get; set; } = new();
    [BindProperty] public MergeInput Merge { get; set; } = new();

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await CaseLinking.LinkAsync(db, changes, id, Version, new OtherCase(Link.Reference, null),
            Link.Reason, Link.Note, Actor, cancellationToken);
        return await FinishAsync(id, outcome, nameof(Link), "Case.Linked", cancellationToken);
    }

    // Merging closes this case for good, so the officer confirms it explicitly; afterwards they land
    // on the case the reports now belong to.
    public async Task<IActionResult> OnPostMergeAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = Merge.Confirmed
            ? await CaseLinking.MergeAsync(db, changes, id, Version, new OtherCase(Merge.Reference, null), Actor, cancellationToken)
            : Result<Case>.Fail(Unconfirmed());
        return await FinishAsync(outcome is { Succeeded: true } ? outcome.Value!.Id : id, outcome, nameof(Merge), "Case.Merged", cancellationToken);
    }

    private List<Error> Unconfirmed()
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(Merge.Reference)) errors.Add(new Error(nameof(MergeInput.Reference), "Case.ReferenceRequired"));
        errors.Add(new Error(nameof(MergeInput.Confirmed), "Case.MergeNotConfirmed"));
        return errors;
    }
}
