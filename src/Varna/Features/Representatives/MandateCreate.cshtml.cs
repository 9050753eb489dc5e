namespace Varna.Features.Representatives;

[Authorize(Roles = Roles.OrgAdmin)]
public sealed class MandateCreateModel(AppDbContext db, TimeProvider time,
    IStringLocalizer<SharedText> shared, IStringLocalizer<RepresentativesText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public MandateInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public string FullName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var name = await db.Representatives.AsNoTracking().Where(r => r.Id == Id).Select(r => r.FirstName + " " + r.LastName).SingleOrDefaultAsync();
        if (name is null) return NotFound();
        FullName = name;
        Input.From = time.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var representative = await db.Representatives.Include(r => r.Mandates).SingleOrDefaultAsync(r => r.Id == Id);
        if (representative is null) return NotFound();
        FullName = representative.FullName;
        if (!ModelState.IsValid) return Page();

        var details = Input.ToDetails();
        if (!details.Succeeded) { ModelState.AddErrors(details.Errors, shared); return Page(); }
        var added = representative.AddMandate(details.Value!, time.GetUtcNow());
        if (!added.Succeeded) { ModelState.AddErrors(added.Errors, shared); return Page(); }
        // Added explicitly: found only through the navigation, a new row with its id already set
        // would be taken for an existing one and updated instead of inserted.
        db.Mandates.Add(added.Value!);

        await db.SaveChangesAsync();
        StatusMessage = text["Mandate.Added"];
        return RedirectToPage("Edit", new { id = Id });
    }
}
