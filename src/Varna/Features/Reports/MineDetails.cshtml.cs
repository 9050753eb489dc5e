using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Varna.Features.Reports;

// One of my reports: what I told, what has been added since, the evidence, and the conversation
// with the security officers. Each form posts to its own handler and redirects back (PRG).
[EnableRateLimiting(RateLimits.Evidence)]
[Authorize(Roles = Roles.Representative)]
public sealed class MineDetailsModel(ReportQueries queries, ReportConversation conversation, EvidenceIntake intake,
    IOptions<ReportsOptions> options, IStringLocalizer<SharedText> shared, IStringLocalizer<ReportsText> text) : PageModel
{
    [BindProperty] public MessageInput Message { get; set; } = new();
    [BindProperty] public SupplementInput Supplement { get; set; } = new();
    [BindProperty] public EvidenceInput Evidence { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    // Files the last post refused, one sentence a line; shown beside the file field after the redirect.
    [TempData] public string? RefusedFiles { get; set; }

    public ReportResponse Report { get; private set; } = null!;
    public IReadOnlyList<MessageResponse> Messages { get; private set; } = [];
    public ReportsOptions Limits => options.Value;

    // No data annotations: the entity's rules decide (ReportMessage, ReportSupplement, EvidenceIntake),
    // and only the posted form's errors may appear.
    public sealed class MessageInput { public string? Body { get; set; } }
    public sealed class SupplementInput { public string? Text { get; set; } }
    public sealed class EvidenceInput
    {
        public List<IFormFile>? Files { get; set; }
        public string? Text { get; set; }
        public string? Links { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMessageAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not var (caller, report)) return NotFound();
        var sent = await conversation.SendAsync(caller, report, Message.Body, cancellationToken);
        if (!sent.Succeeded) return await ShowErrorsAsync(id, sent.Errors, nameof(Message), cancellationToken);
        StatusMessage = text["Mine.MessageSent"];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSupplementAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not var (caller, report)) return NotFound();
        var added = await conversation.SupplementAsync(caller, report, Supplement.Text, cancellationToken);
        if (!added.Succeeded) return await ShowErrorsAsync(id, added.Errors, nameof(Supplement), cancellationToken);
        StatusMessage = text["Mine.SupplementSaved"];
        return RedirectToPage(new { id });
    }

    // Text and links are checked first and stored together or not at all; then each file is taken
    // or refused on its own. Whatever was stored stays stored, and the refused files are named.
    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not var (caller, report)) return NotFound();
        var links = (Evidence.Links ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if ((Evidence.Files ?? []).Count == 0 && string.IsNullOrWhiteSpace(Evidence.Text) && links.Length == 0)
            return await ShowErrorsAsync(id, [], nameof(Evidence), cancellationToken, [text["Mine.EvidenceNothingGiven"]]);

        var pieces = await intake.AddTextAndLinksAsync(report, caller.UserId, Evidence.Text, links, cancellationToken);
        if (!pieces.Succeeded) return await ShowErrorsAsync(id, pieces.Errors, nameof(Evidence), cancellationToken);
        var files = await intake.AddFilesAsync(report, caller.UserId, Evidence.Files ?? [], cancellationToken);

        var stored = pieces.Value!.Count + files.Accepted.Count;
        var refused = files.Refused.Select(r => EvidenceMessages.Describe(r, Limits, shared)).ToList();
        if (stored == 0)
            return await ShowErrorsAsync(id, [], nameof(Evidence), cancellationToken, refused);

        await conversation.EvidenceAddedAsync(caller, report, cancellationToken);
        StatusMessage = text["Mine.EvidenceSaved", stored];
        RefusedFiles = refused.Count > 0 ? string.Join('\n', refused) : null;
        return RedirectToPage(new { id });
    }

    public IReadOnlyList<string> RefusedFileMessages =>
        RefusedFiles?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private Task<(Reporter Caller, Report Report)?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        queries.FindForAsync(MineCaller.From(User), id, cancellationToken);

    private async Task<IActionResult> ShowErrorsAsync(Guid id, IReadOnlyList<Error> errors, string prefix,
        CancellationToken cancellationToken, IReadOnlyList<string>? fileErrors = null)
    {
        ModelState.AddErrors(errors, shared, prefix);
        foreach (var message in fileErrors ?? []) ModelState.AddModelError($"{nameof(Evidence)}.{nameof(EvidenceInput.Files)}", message);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (MineCaller.From(User) is not { } caller || await queries.DetailsAsync(caller, id, cancellationToken) is not { } report)
            return false;
        Report = report;
        Messages = await queries.MessagesAsync(id, cancellationToken);
        return true;
    }
}
