using Varna.Features.Reports;

namespace Varna.Features.Cases;

// One measure's own page: the same fields as when it was added, guarded by the measure's version
// so that two officers cannot overwrite each other's change without noticing.
public sealed class MeasureEditModel(AppDbContext db, CaseChanges changes, IStringLocalizer<SharedText> shared,
    IStringLocalizer<CasesText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid MeasureId { get; set; }
    [BindProperty] public MeasureFields Input { get; set; } = new();
    // The version of the measure the officer was looking at.
    [BindProperty] public int? MeasureVersion { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    public string? ConflictMessage { get; private set; }

    public string CaseReference { get; private set; } = "";
    public MeasureResponse Current { get; private set; } = null!;
    public IReadOnlyList<PersonResponse> Officers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        ShowCurrent();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return await LoadAsync(cancellationToken) ? Page() : NotFound();
        var posted = Input;
        var outcome = await CaseMeasures.ChangeAsync(db, changes, Id, MeasureId, MeasureVersion, _ => posted,
            Reporter.From(User)!.UserId, cancellationToken);
        if (outcome is null) return NotFound();
        if (outcome.Succeeded)
        {
            StatusMessage = text["Measure.Changed"];
            return Redirect($"/arenden/{Id}#atgarder");
        }
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (outcome.Errors.IsConflict(out var conflict) && CaseMeasures.IsChangedMeanwhile(conflict))
        {
            ConflictMessage = text["Measure.ChangedMeanwhile"];
            ModelState.Clear();
            ShowCurrent();
        }
        else
        {
            ModelState.AddErrors(outcome.Errors, shared, nameof(Input));
        }
        return Page();
    }

    private void ShowCurrent()
    {
        Input = new MeasureFields
        {
            Code = Codes.Of(Current.Code), Description = Current.Description, Owner = Current.Owner, OwnerOfficerId = Current.OwnerOfficer?.Id,
            Status = Codes.Of(Current.Status), StartOn = Current.StartOn, ReviewOn = Current.ReviewOn, EndOn = Current.EndOn,
        };
        MeasureVersion = Current.Version;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await db.Measures.AsNoTracking().Where(m => m.Id == MeasureId && m.CaseId == Id)
            .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new { Measure = m, c.Reference })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return false;
        var m = found.Measure;
        CaseReference = found.Reference;
        Officers = await db.OfficersOf(Reporter.From(User)!.OrganisationId).OrderBy(u => u.DisplayName)
            .Select(u => new PersonResponse(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        var owner = m.OwnerOfficerId is { } o ? Officers.FirstOrDefault(x => x.Id == o) ?? new PersonResponse(o, "") : null;
        Current = new MeasureResponse(m.Id, m.Code, m.Description, m.Owner, owner, m.Status, m.StartOn, m.ReviewOn, m.EndOn, m.Version);
        return true;
    }
}
