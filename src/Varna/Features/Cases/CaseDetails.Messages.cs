using Varna.Features.Reports;

namespace Varna.Features.Cases;

// Replies to a reporter. A message belongs to one report (a merged case has several reporters).
public sealed partial class CaseDetailsModel
{
    [BindProperty] public ReplyInput Reply { get; set; } = new();

    public sealed class ReplyInput
    {
        public Guid ReportId { get; set; }
        public string? Body { get; set; }
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Reporter.From(User) is not { } caller) return NotFound();
        if (await reports.FindAsync(caller, Reply.ReportId, cancellationToken) is not var (report, @case) || @case.Id != id) return NotFound();
        var sent = await conversation.SendAsync(caller, report, Reply.Body, cancellationToken);
        return await FinishAsync(id, sent, nameof(Reply), "Case.ReplySent", cancellationToken);
    }
}
