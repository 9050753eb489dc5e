using Microsoft.Extensions.Options;

namespace Varna.Features.Reports;

// What /rapportera and the officer's /rapportera/registrera share: bind the form, hand it to
// ReportSubmission, then take the evidence. Once the report is committed nothing can lose it:
// refused files and unusable links are only reported on the receipt.
public abstract class ReportFormPage(ReportSubmission submission, EvidenceIntake intake, TimeProvider time,
    IOptions<ReportsOptions> limits, IStringLocalizer<SharedText> shared) : PageModel
{
    public const string ReceiptNotices = "Receipt.Notices";

    [BindProperty] public ReportFormInput Input { get; set; } = new();

    public DateOnly Today { get; private set; }
    public ReportsOptions Limits => limits.Value;

    protected void StartEmpty() => Input = ReportFormInput.Empty(Today = time.Today());

    protected async Task<IActionResult> SubmitAsync(Guid? onBehalfOf, string? receivedVia, IReadOnlyList<Error> pageErrors,
        Func<Task> reload, CancellationToken cancellationToken)
    {
        Today = time.Today();
        var request = Input.ToRequest(Today, onBehalfOf, receivedVia);
        if (pageErrors.Count > 0 || !ModelState.IsValid)
        {
            // Not submitted, but every other problem is still shown at once.
            ModelState.AddErrorsOnce([.. pageErrors, .. ReportValidation.Validate(request, time.GetUtcNow()).Errors], shared);
            await reload();
            return Page();
        }

        var reporter = Reporter.From(User)!;
        var result = await submission.SubmitAsync(reporter, request, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrorsOnce(result.Errors, shared);
            await reload();
            return Page();
        }

        var report = result.Value!.Report;
        var notices = new List<string>();
        var added = await intake.AddTextAndLinksAsync(report, reporter.UserId, Input.PastedText, Input.LinkLines(), cancellationToken);
        notices.AddRange(added.Errors.Select(Describe));
        // A file input left empty sends a part without a file name, which the form reader does not count as a file.
        var outcome = await intake.AddFilesAsync(report, reporter.UserId, Input.Files, cancellationToken);
        notices.AddRange(outcome.Refused.Select(r => EvidenceMessages.Describe(r, limits.Value, shared)));
        if (notices.Count > 0) TempData[ReceiptNotices] = string.Join('\n', notices);
        return Redirect($"/rapportera/kvitto/{report.Id}");
    }

    // Intake errors name its own fields ("Text", "Links"); on this form they are the pasted text and the links.
    private string Describe(Error error)
    {
        var label = shared[error.Field == "Links" ? "Field.Links" : "Field.PastedText"];
        return $"{label}: {shared[error.MessageKey, error.Arguments]}";
    }
}
