using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Varna.Features.Reports;

namespace Varna.Features.Privacy;

// Erasure on request, in two steps: choose the representative (a GET form, so the plan has its own
// address), read what will be erased and what must be kept and why, confirm, and get a receipt.
public sealed class ErasureModel(AppDbContext db, ErasureOfRepresentative erasure, IStringLocalizer<SharedText> shared) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "representant")] public string? Chosen { get; set; }
    [BindProperty] public ErasureInput Input { get; set; } = new();
    [TempData] public string? Receipt { get; set; }

    public IReadOnlyList<RepresentativeChoice> Representatives { get; private set; } = [];
    public ErasurePlan? Plan { get; private set; }

    public sealed class ErasureInput
    {
        [Display(Name = "Field.RepresentativeId")] public string? RepresentativeId { get; set; }
        [Display(Name = "Field.ErasureConfirmed")] public bool ErasureConfirmed { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Representatives = await SubjectRightsPicker.ChoicesAsync(db, cancellationToken);
        if (Chosen is null) return Page();
        // The choice arrives in the address; a bad one is answered on the picker, naming the field.
        if (SubjectRightsPicker.Check(Chosen, Representatives, out var id) is { } error)
        {
            ModelState.AddErrors([error], shared);
            return Page();
        }
        Plan = await erasure.PlanAsync(id, cancellationToken);
        Input.RepresentativeId = id.ToString();
        return Plan is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Representatives = await SubjectRightsPicker.ChoicesAsync(db, cancellationToken);
        if (SubjectRightsPicker.Check(Input.RepresentativeId, Representatives, out var id) is { } error)
        {
            ModelState.AddErrors([error], shared);
            return Page();
        }
        Chosen = id.ToString();
        if (!Input.ErasureConfirmed)
        {
            ModelState.AddErrors([new Error(nameof(ErasureInput.ErasureConfirmed), "Validation.ConfirmErasure")], shared);
            Plan = await erasure.PlanAsync(id, cancellationToken);
            return Plan is null ? NotFound() : Page();
        }
        var outcome = await erasure.CarryOutAsync(id, Reporter.From(User)!.UserId, cancellationToken);
        if (outcome is null) return NotFound();
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Errors, shared);
            Plan = await erasure.PlanAsync(id, cancellationToken);
            return Plan is null ? NotFound() : Page();
        }
        Receipt = JsonSerializer.Serialize(outcome.Value);
        return RedirectToPage("ErasureReceipt");
    }
}
