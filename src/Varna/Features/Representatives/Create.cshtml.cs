namespace Varna.Features.Representatives;

[Authorize(Roles = Roles.OrgAdmin)]
public sealed class CreateModel(AppDbContext db, TimeProvider time,
    IStringLocalizer<SharedText> shared, IStringLocalizer<RepresentativesText> text) : PageModel
{
    [BindProperty] public RepresentativeInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (db.CurrentOrganisationId is not { } organisationId) return Forbid();
        var now = time.GetUtcNow();

        // The entity's rules run even when a field failed to bind, so every problem shows at once.
        var details = Input.ToDetails();
        ModelState.AddErrorsOnce(details.Succeeded ? Representative.Validate(details.Value!, now) : details.Errors, shared);
        if (!ModelState.IsValid)
        {
            // The same rule as Representative.RecordParty, shown now rather than after the next post.
            if (!Input.PartyConsent && !string.IsNullOrWhiteSpace(Input.Party))
                ModelState.AddModelError("Input.Party", shared["Representative.PartyNeedsConsent"]);
            return Page();
        }
        var created = Representative.Create(organisationId, details.Value!, now);
        if (!created.Succeeded) { ModelState.AddErrors(created.Errors, shared); return Page(); }
        var representative = created.Value!;
        var partyErrors = representative.RecordParty(Input.Party, Input.PartyConsent, now);
        if (partyErrors.Count > 0) { ModelState.AddErrors(partyErrors, shared); return Page(); }
        if (await EmailTaken.CheckAsync(db, representative.Email, null))
        {
            ModelState.AddModelError("Input.Email", text["Form.EmailTaken"]);
            return Page();
        }

        db.Representatives.Add(representative);
        await db.SaveChangesAsync();
        StatusMessage = text["Create.Done", representative.FullName];
        return RedirectToPage("Edit", new { id = representative.Id });
    }
}
