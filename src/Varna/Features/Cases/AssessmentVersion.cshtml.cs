namespace Varna.Features.Cases;

// One recorded version of the threat assessment, read-only: what was known and decided then.
public sealed class AssessmentVersionModel(AppDbContext db, TimeProvider time) : PageModel
{
    public AssessmentCase Case { get; private set; } = null!;
    public AssessmentResponse Assessment { get; private set; } = null!;
    public IReadOnlyList<AssessmentVersionRef> Versions { get; private set; } = [];
    public DateOnly Today => time.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        if (await AssessmentQueries.CaseAsync(db, id, cancellationToken) is not { } @case) return NotFound();
        if (await AssessmentQueries.VersionAsync(db, id, version, cancellationToken) is not { } assessment) return NotFound();
        Case = @case;
        Assessment = assessment;
        Versions = await AssessmentQueries.VersionsAsync(db, id, cancellationToken);
        return Page();
    }
}
