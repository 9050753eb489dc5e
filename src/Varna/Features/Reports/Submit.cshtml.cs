using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Varna.Features.Reports;

[EnableRateLimiting(RateLimits.Reports)]
[Authorize(Roles = Roles.Representative)]
public sealed class SubmitModel(ReportSubmission submission, EvidenceIntake intake, TimeProvider time,
    IOptions<ReportsOptions> limits, IStringLocalizer<SharedText> shared)
    : ReportFormPage(submission, intake, time, limits, shared)
{
    public void OnGet() => StartEmpty();

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SubmitAsync(onBehalfOf: null, receivedVia: null, pageErrors: [], reload: () => Task.CompletedTask, cancellationToken);
}
