using Varna.Features.Reports;

namespace Varna.Features.Cases;

// The security officer's desk for one case. The page is split by concern: this file loads the case
// and finishes every change the same way; the forms' handlers live beside it in CaseDetails.*.cs
// and their markup in the _Case*.cshtml partials.
public sealed partial class CaseDetailsModel(AppDbContext db, CaseQueries queries, CaseChanges changes, ReportQueries reports,
    ReportConversation conversation, IStringLocalizer<SharedText> shared, IStringLocalizer<CasesText> text) : PageModel
{
    // The version of the case the officer was looking at; a change made since then is a conflict.
    [BindProperty] public int? Version { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    // Shown instead of applying a change when someone else changed the case first.
    public string? ConflictMessage { get; private set; }

    public CaseResponse Case { get; private set; } = null!;
    public IReadOnlyList<PersonResponse> CaseOfficers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    // An attachment, never shown inline: a stored file must not run as a page of Värna's origin.
    public async Task<IActionResult> OnGetEvidenceAsync(Guid id, Guid reportId, Guid evidenceId, CancellationToken cancellationToken)
    {
        if (Reporter.From(User) is not { } caller) return NotFound();
        if (await reports.FindAsync(caller, reportId, cancellationToken) is not var (_, @case) || @case.Id != id) return NotFound();
        var file = await EvidenceFiles.FindAsync(db, reportId, evidenceId, cancellationToken);
        if (file is null) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Bytes, file.ContentType, file.FileName);
    }

    private Guid Actor => Reporter.From(User)!.UserId;

    // A value a form could not even read (an officer id or a version that is not one) must not be
    // bound as "none" and acted on, e.g. as releasing the case (found by the fuzz test): the page
    // answers with the field's error instead of running the handler. [NonHandler]: without it Razor
    // Pages took the override for a handler of its own (the authorization matrix listed it).
    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsPost(Request.Method) && !ModelState.IsValid && context.HandlerArguments.TryGetValue("id", out var value) && value is Guid id)
        {
            context.Result = await LoadAsync(id, HttpContext.RequestAborted) ? Page() : NotFound();
            return;
        }
        await next();
    }

    // Post/redirect/get on success. On bad input the errors go to the form's fields (prefix) with the
    // page rebuilt around them; on a conflict the page shows the case as it now is and says so.
    private async Task<IActionResult> FinishAsync<T>(Guid id, Result<T>? outcome, string prefix, string doneKey, CancellationToken cancellationToken)
    {
        if (outcome is null) return NotFound();
        if (outcome.Succeeded)
        {
            StatusMessage = text[doneKey];
            return RedirectToPage(new { id });
        }
        if (outcome.Errors.FirstOrDefault(e => e.Kind == ErrorKind.Conflict) is { } conflict)
        {
            ConflictMessage = conflict.MessageKey == CaseChanges.ChangedMeanwhile.MessageKey
                ? text["Case.ChangedMeanwhile"]
                : shared[conflict.MessageKey, conflict.Arguments.Select(a => a is string code ? (object)text[$"Status.{code}"].Value : a).ToArray()];
            ModelState.Clear();
        }
        else
        {
            ModelState.AddErrors(outcome.Errors, shared, prefix);
        }
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.SheetAsync(id, cancellationToken) is not { } sheet) return false;
        Case = sheet;
        CaseOfficers = await db.OfficersOf(Reporter.From(User)!.OrganisationId).OrderBy(u => u.DisplayName)
            .Select(u => new PersonResponse(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        return true;
    }
}
