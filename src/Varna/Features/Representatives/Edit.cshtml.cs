namespace Varna.Features.Representatives;

[Authorize(Roles = Roles.OrgAdmin)]
public sealed class EditModel(AppDbContext db, TimeProvider time,
    IStringLocalizer<SharedText> shared, IStringLocalizer<RepresentativesText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public RepresentativeInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public string FullName { get; private set; } = "";
    public bool HasPartyConsent { get; private set; }
    public IReadOnlyList<MandateRow> Mandates { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public sealed record MandateRow(Guid Id, BodyKind BodyKind, string? BodyName, MandateRole Role, bool FullTimeOrLargePartTime, DateOnly From, DateOnly? To);

    public async Task<IActionResult> OnGetAsync()
    {
        var representative = await db.Representatives.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id);
        if (representative is null) return NotFound();
        Input = RepresentativeInput.Of(representative);
        await LoadAsync(representative);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var representative = await db.Representatives.SingleOrDefaultAsync(r => r.Id == Id);
        if (representative is null) return NotFound();
        var now = time.GetUtcNow();
        var errors = new List<Error>();
        var details = Input.ToDetails();
        if (!details.Succeeded) errors.AddRange(details.Errors);
        else if (ModelState.IsValid) errors.AddRange(representative.Update(details.Value!, now));
        else errors.AddRange(Representative.Validate(details.Value!, now));
        // Unticking a consent that was on record withdraws it, and the party goes with it (GDPR art. 7.3).
        var withdrawn = representative.PartyConsentRecordedAt is not null && !Input.PartyConsent;
        errors.AddRange(representative.RecordParty(withdrawn ? null : Input.Party, Input.PartyConsent, now));
        if (errors.Count == 0 && await EmailTaken.CheckAsync(db, representative.Email, representative.Id))
            ModelState.AddModelError("Input.Email", text["Form.EmailTaken"]);
        ModelState.AddErrorsOnce(errors, shared);
        if (!ModelState.IsValid)
        {
            // Nothing is saved: the tracked entity may hold half the changes, so it is not written.
            db.ChangeTracker.Clear();
            await LoadAsync(await db.Representatives.AsNoTracking().SingleAsync(r => r.Id == Id));
            return Page();
        }

        await db.SaveChangesAsync();
        StatusMessage = withdrawn ? text["Edit.SavedPartyRemoved"] : shared["Form.Saved"];
        return RedirectToPage(new { id = Id });
    }

    private async Task LoadAsync(Representative representative)
    {
        FullName = representative.FullName;
        HasPartyConsent = representative.PartyConsentRecordedAt is not null;
        Today = time.Today();
        Mandates = await db.Mandates.AsNoTracking().Where(m => m.RepresentativeId == representative.Id)
            .OrderByDescending(m => m.To == null).ThenByDescending(m => m.To).ThenBy(m => m.From)
            .Select(m => new MandateRow(m.Id, m.BodyKind, m.BodyName, m.Role, m.FullTimeOrLargePartTime, m.From, m.To))
            .ToListAsync();
    }
}
