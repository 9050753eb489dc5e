using Varna.Features.Cases;

namespace Varna.Features.Reports;

// What the reporter sees the moment the report is committed: the reference, when someone will
// get in touch, advice for their situation, and exactly what evidence arrived.
[Authorize(Roles = Roles.Representative + "," + Roles.SecurityOfficer)]
public sealed class ReceiptModel(AppDbContext db, ReportQueries queries, IStringLocalizer<ReportsText> text) : PageModel
{
    [TempData(Key = ReportFormPage.ReceiptNotices)] public string? Notices { get; set; }

    public Report Report { get; private set; } = null!;
    public Case Case { get; private set; } = null!;
    public string? RepresentativeName { get; private set; }
    public IReadOnlyList<GuidanceItem> Guidance { get; private set; } = [];
    public IReadOnlyList<GuidanceItem> Next { get; private set; } = [];
    public IReadOnlyList<EvidenceResponse> Evidence { get; private set; } = [];
    public IReadOnlyList<string> Refused => Notices?.Split('\n') ?? [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Reporter.From(User) is not { } caller || await queries.FindAsync(caller, id, cancellationToken) is not var (report, @case))
            return NotFound();
        (Report, Case) = (report, @case);
        // "What happens next" gets its own place; 112 is shown first and big, so not repeated in the list.
        var all = ReportGuidance.For(report, @case, text);
        Next = all.Where(g => g.Code is "contact_by" or "record_only").ToList();
        Guidance = all.Where(g => g.Code != "call_112" && !Next.Contains(g)).ToList();
        Evidence = await queries.EvidenceAsync(id, cancellationToken);
        if (report.OnBehalf && report.RepresentativeId is { } representativeId)
            RepresentativeName = await db.Representatives.Where(r => r.Id == representativeId)
                .Select(r => r.FirstName + " " + r.LastName).SingleOrDefaultAsync(cancellationToken);
        return Page();
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0).ToString("0", Swedish.Culture)} kB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("0.0", Swedish.Culture)} MB",
    };
}
