using Varna.Features.Reports;

namespace Varna.Features.Cases;

// The security officer's view of one case: what was reported, the evidence with its hashes, and the
// conversation with the reporter. The case-handling issue builds intake, assessment, measures and
// the timeline onto this page.
[Authorize(Roles = Roles.SecurityOfficer)]
public sealed class CaseDetailsModel(AppDbContext db, ReportQueries queries, ReportConversation conversation,
    IStringLocalizer<SharedText> shared, IStringLocalizer<CasesText> text) : PageModel
{
    [BindProperty] public ReplyInput Reply { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public CaseView Case { get; private set; } = null!;
    public IReadOnlyList<(ReportResponse Report, IReadOnlyList<MessageResponse> Messages)> Reports { get; private set; } = [];

    public sealed class ReplyInput
    {
        public Guid ReportId { get; set; }
        public string? Body { get; set; }
    }

    public sealed record CaseView(Guid Id, string Reference, CaseStatus Status, ConcernLevel ConcernLevel, DateTimeOffset OpenedAt, DateTimeOffset? FirstContactDueAt);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Reporter.From(User) is not { } caller) return NotFound();
        if (await queries.FindAsync(caller, Reply.ReportId, cancellationToken) is not var (report, @case) || @case.Id != id) return NotFound();
        var sent = await conversation.SendAsync(caller, report, Reply.Body, cancellationToken);
        if (!sent.Succeeded)
        {
            ModelState.AddErrors(sent.Errors, shared, nameof(Reply));
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        StatusMessage = text["Case.ReplySent"];
        return RedirectToPage(new { id });
    }

    // An attachment, never shown inline: a stored file must not run as a page of Värna's origin.
    public async Task<IActionResult> OnGetEvidenceAsync(Guid id, Guid reportId, Guid evidenceId, CancellationToken cancellationToken)
    {
        if (Reporter.From(User) is not { } caller) return NotFound();
        if (await queries.FindAsync(caller, reportId, cancellationToken) is not var (_, @case) || @case.Id != id) return NotFound();
        var file = await EvidenceFiles.FindAsync(db, reportId, evidenceId, cancellationToken);
        if (file is null) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Bytes, file.ContentType, file.FileName);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CaseView(c.Id, c.Reference, c.Status, c.ConcernLevel, c.OpenedAt, c.FirstContactDueAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || Reporter.From(User) is not { } caller) return false;
        Case = found;
        var reportIds = await db.Reports.Where(r => r.CaseId == id).OrderBy(r => r.ReceivedAt).Select(r => r.Id).ToListAsync(cancellationToken);
        var reports = new List<(ReportResponse, IReadOnlyList<MessageResponse>)>();
        foreach (var reportId in reportIds)
        {
            if (await queries.DetailsAsync(caller, reportId, cancellationToken) is { } report)
                reports.Add((report, await queries.MessagesAsync(reportId, cancellationToken)));
        }
        Reports = reports;
        return true;
    }
}
