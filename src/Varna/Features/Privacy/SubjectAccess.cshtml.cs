using System.ComponentModel.DataAnnotations;
using Varna.Features.Reports;

namespace Varna.Features.Privacy;

// The data protection officer produces a subject-access export for one representative and
// downloads it at once. Nothing is stored beyond the audit line.
public sealed class SubjectAccessModel(AppDbContext db, SubjectAccessExport export, IStringLocalizer<SharedText> shared) : PageModel
{
    [BindProperty] public SubjectAccessInput Input { get; set; } = new();
    public IReadOnlyList<RepresentativeChoice> Representatives { get; private set; } = [];

    public sealed class SubjectAccessInput
    {
        [Display(Name = "Field.RepresentativeId")] public string? RepresentativeId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Representatives = await SubjectRightsPicker.ChoicesAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Representatives = await SubjectRightsPicker.ChoicesAsync(db, cancellationToken);
        if (SubjectRightsPicker.Check(Input.RepresentativeId, Representatives, out var id) is { } error)
        {
            ModelState.AddErrors([error], shared);
            return Page();
        }
        var actor = Reporter.From(User)!.UserId;
        var file = await export.CreateAsync(id, actor, cancellationToken);
        if (file is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(file.Bytes, "application/zip", file.FileName);
    }
}
