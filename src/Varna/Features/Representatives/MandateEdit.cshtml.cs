namespace Varna.Features.Representatives;

// Editing corrects a mandate; ending it keeps it as history with a last day. The two forms post
// to separate handlers and bind only their own fields, so one cannot fail on the other's input.
[Authorize(Roles = Roles.OrgAdmin)]
public sealed class MandateEditModel(AppDbContext db, TimeProvider time,
    IStringLocalizer<SharedText> shared, IStringLocalizer<RepresentativesText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid MandateId { get; set; }
    public MandateInput Input { get; set; } = new();
    public EndMandateInput End { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public string FullName { get; private set; } = "";
    public DateOnly? CurrentTo { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var mandate = await FindAsync();
        if (mandate is null) return NotFound();
        Input = MandateInput.Of(mandate);
        End.LastDay = Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = "Input")] MandateInput input)
    {
        Input = input;
        var mandate = await FindAsync();
        if (mandate is null) return NotFound();
        End.LastDay = Today();
        if (!ModelState.IsValid) return Page();

        var details = input.ToDetails();
        var errors = details.Succeeded ? mandate.Update(details.Value!, time.GetUtcNow()) : details.Errors;
        if (errors.Count > 0) { ModelState.AddErrors(errors, shared); return Page(); }
        await db.SaveChangesAsync();
        StatusMessage = shared["Form.Saved"];
        return RedirectToPage("Edit", new { id = Id });
    }

    public async Task<IActionResult> OnPostEndAsync([Bind(Prefix = "End")] EndMandateInput end)
    {
        End = end;
        var mandate = await FindAsync();
        if (mandate is null) return NotFound();
        Input = MandateInput.Of(mandate);
        if (!ModelState.IsValid) return Page();

        var errors = mandate.End(end.LastDay!.Value, time.GetUtcNow());
        if (errors.Count > 0)
        {
            // The entity names the field To; on this form it is the last day.
            ModelState.AddErrors(errors.Select(e => e with { Field = nameof(EndMandateInput.LastDay) }), shared, "End");
            return Page();
        }
        await db.SaveChangesAsync();
        StatusMessage = text["Mandate.Ended", end.LastDay.Value.ToString("yyyy-MM-dd")];
        return RedirectToPage("Edit", new { id = Id });
    }

    private async Task<Mandate?> FindAsync()
    {
        var mandate = await db.Mandates.SingleOrDefaultAsync(m => m.Id == MandateId && m.RepresentativeId == Id);
        if (mandate is null) return null;
        FullName = await db.Representatives.Where(r => r.Id == Id).Select(r => r.FirstName + " " + r.LastName).SingleAsync();
        CurrentTo = mandate.To;
        return mandate;
    }

    private DateOnly Today() => time.Today();
}
