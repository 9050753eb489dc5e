namespace Varna.Features.Reports;

// "Mina rapporter": what the signed-in person reported, and what an officer registered for them.
[Authorize(Roles = Roles.Representative)]
public sealed class MineModel(ReportQueries queries) : PageModel
{
    public IReadOnlyList<ReportSummaryResponse> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (MineCaller.From(User) is not { } caller) return Forbid();
        Reports = await queries.MineAsync(caller, cancellationToken);
        return Page();
    }
}
