using Varna.Features.Audit;
using System.ComponentModel.DataAnnotations;

namespace Varna.Features.Organisations;

// The organisation's own decisions: how fast first contact must come per concern level, how long
// closed cases are kept, and how far the responsibility it has taken reaches.
[Authorize(Roles = Roles.OrgAdmin)]
public sealed class SettingsModel(AppDbContext db, AuditTrail audit, AuditIpHasher ipHasher, IStringLocalizer<SharedText> shared,
    IStringLocalizer<OrganisationsText> text) : PageModel
{
    [BindProperty] public SettingsInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public string OrganisationName { get; private set; } = "";

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "Validation.RequiredNamed"), Display(Name = "Field.FirstContactHoursAcute")] public int? FirstContactHoursAcute { get; set; }
        [Required(ErrorMessage = "Validation.RequiredNamed"), Display(Name = "Field.FirstContactHoursHigh")] public int? FirstContactHoursHigh { get; set; }
        [Required(ErrorMessage = "Validation.RequiredNamed"), Display(Name = "Field.FirstContactHoursModerate")] public int? FirstContactHoursModerate { get; set; }
        [Required(ErrorMessage = "Validation.RequiredNamed"), Display(Name = "Field.FirstContactHoursLow")] public int? FirstContactHoursLow { get; set; }
        [Required(ErrorMessage = "Validation.RequiredNamed"), Display(Name = "Field.RetentionMonthsAfterClosure")] public int? RetentionMonthsAfterClosure { get; set; }
        [Required(ErrorMessage = "Validation.UnknownCodeNamed"), Display(Name = "Field.Scope")] public string? Scope { get; set; }
        [Display(Name = "Field.CoversRelatives")] public bool CoversRelatives { get; set; }
        [Display(Name = "Field.CoversLeisureTime")] public bool CoversLeisureTime { get; set; }
        [Display(Name = "Field.AuditIpHash")] public bool AuditIpHash { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var organisation = await FindAsync();
        if (organisation is null) return NotFound();
        var s = organisation.Settings;
        Input = new SettingsInput
        {
            FirstContactHoursAcute = s.FirstContactHoursAcute,
            FirstContactHoursHigh = s.FirstContactHoursHigh,
            FirstContactHoursModerate = s.FirstContactHoursModerate,
            FirstContactHoursLow = s.FirstContactHoursLow,
            RetentionMonthsAfterClosure = s.RetentionMonthsAfterClosure,
            Scope = Codes.Of(s.Scope),
            CoversRelatives = s.CoversRelatives,
            CoversLeisureTime = s.CoversLeisureTime,
            AuditIpHash = s.AuditIpHash,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var organisation = await FindAsync();
        if (organisation is null) return NotFound();
        if (!Codes.TryParse<ResponsibilityScope>(Input.Scope, out var scope) && Input.Scope is not null)
            ModelState.AddErrors([new Error(nameof(Input.Scope), "Validation.UnknownCode")], shared);
        if (!ModelState.IsValid) return Page();

        var errors = organisation.ChangeSettings(new OrganisationSettings
        {
            FirstContactHoursAcute = Input.FirstContactHoursAcute!.Value,
            FirstContactHoursHigh = Input.FirstContactHoursHigh!.Value,
            FirstContactHoursModerate = Input.FirstContactHoursModerate!.Value,
            FirstContactHoursLow = Input.FirstContactHoursLow!.Value,
            RetentionMonthsAfterClosure = Input.RetentionMonthsAfterClosure!.Value,
            Scope = scope,
            CoversRelatives = Input.CoversRelatives,
            CoversLeisureTime = Input.CoversLeisureTime,
            AuditIpHash = Input.AuditIpHash,
        });
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors, shared);
            return Page();
        }
        await db.SaveChangesAsync();
        ipHasher.Forget(organisation.Id);
        await audit.WriteAsync(AuditAction.SettingsChanged, target: "organisation_settings", detail: $"audit_ip_hash={Input.AuditIpHash}");
        StatusMessage = text["Settings.Saved"];
        return RedirectToPage();
    }

    private async Task<Organisation?> FindAsync()
    {
        var organisationId = db.CurrentOrganisationId;
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId);
        OrganisationName = organisation?.Name ?? "";
        return organisation;
    }
}
