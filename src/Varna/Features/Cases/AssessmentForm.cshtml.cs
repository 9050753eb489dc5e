using Varna.Features.Reports;

namespace Varna.Features.Cases;

// A new version of the structured threat assessment. Prefilled from the latest version; "Visa
// förslag" shows what the factors suggest without saving, and the officer decides the level.
public sealed class AssessmentFormModel(AppDbContext db, CaseChanges changes, IStringLocalizer<SharedText> shared,
    IStringLocalizer<CasesText> text) : PageModel
{
    [BindProperty] public AssessmentInput Input { get; set; } = new();
    // The case version the officer started from; someone else's change since then is a conflict.
    [BindProperty] public int? Version { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public AssessmentCase Case { get; private set; } = null!;
    public AssessmentVersionRef? Latest { get; private set; }
    public ConcernLevel? Suggestion { get; private set; }
    public string? ConflictMessage { get; private set; }
    public DateOnly Today => changes.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var latest = Latest is { } l ? await AssessmentQueries.VersionAsync(db, id, l.Version, cancellationToken) : null;
        Input = AssessmentInput.Prefilled(latest, Case.ConcernLevel);
        Version = Case.Version;
        return Page();
    }

    // Without JavaScript: the same form again, with the suggestion; nothing is saved.
    public async Task<IActionResult> OnPostSuggestAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Suggestion = AssessmentSuggestion.For(AssessmentDraft.AnswersForSuggestion(
            Input.Answers.Select(a => new AssessmentAnswerRequest(a.Factor, a.Answer, a.Note)).ToList()).ToList());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = Input.ToRequest(Version);
        if (!request.Succeeded)
        {
            ModelState.AddErrors(request.Errors, shared);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        var outcome = await CaseAssessments.RecordAsync(db, changes, id, request.Value!, Reporter.From(User)!.UserId, cancellationToken);
        if (outcome is null) return NotFound();
        if (outcome.Succeeded)
        {
            StatusMessage = text["Assessment.Saved", outcome.Value!.Version];
            return RedirectToPage("CaseDetails", new { id });
        }
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (outcome.Errors.IsConflict(out var conflict))
        {
            // The officer's answers stay in the form; the version moves on so they can save again
            // once they have looked at what changed.
            ConflictMessage = conflict.MessageKey == CaseChanges.ChangedMeanwhile.MessageKey
                ? text["Assessment.ChangedMeanwhile"] : shared[conflict.MessageKey];
            ModelState.Remove(nameof(Version));
            Version = Case.Version;
        }
        else
        {
            ModelState.AddErrors(outcome.Errors, shared);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AssessmentQueries.CaseAsync(db, id, cancellationToken) is not { } @case) return false;
        Case = @case;
        Latest = (await AssessmentQueries.VersionsAsync(db, id, cancellationToken)).FirstOrDefault();
        return true;
    }
}

public static class AssessmentForm
{
    // The form's order: risk factors, then protective factors in their own section.
    public static readonly AssessmentFactor[] Factors = [.. AssessmentFactors.Risk, .. AssessmentFactors.Protective];
}
