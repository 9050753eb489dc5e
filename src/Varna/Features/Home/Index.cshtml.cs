using System.Security.Claims;
using Varna.Features.Representatives;

namespace Varna.Features.Home;

// One start page that shows each role what it can act on now.
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string? OrganisationName { get; private set; }
    public OrganisationFigures? Figures { get; private set; }
    public IReadOnlyList<OwnMandate> OwnMandates { get; private set; } = [];
    public int? NetworkOrganisations { get; private set; }
    public IReadOnlyList<StatutoryRepresentative> Statutory { get; private set; } = [];
    public CaseFigures? CaseCounts { get; private set; }

    public sealed record OrganisationFigures(int Representatives, int ActiveMandates, int StatutoryCovered);
    public sealed record StatutoryRepresentative(string Name, BodyKind BodyKind, string? BodyName, MandateRole Role);
    public sealed record CaseFigures(int Open, int Overdue, int TodoDue);
    public sealed record OwnMandate(BodyKind BodyKind, string? BodyName, MandateRole Role, DateOnly From, DateOnly? To);

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirstValue(ClaimTypes.GivenName) ?? User.Identity?.Name ?? "";
        var organisationId = db.CurrentOrganisationId;
        OrganisationName = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync();
        var today = time.Today();

        if (User.IsInRole(Roles.OrgAdmin) || User.IsInRole(Roles.SecurityOfficer) || User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.DataProtectionOfficer))
        {
            var active = db.Mandates.Where(m => m.From <= today && (m.To == null || m.To >= today));
            Figures = new OrganisationFigures(
                await db.Representatives.CountAsync(),
                await active.CountAsync(),
                await active.Where(m => m.FullTimeOrLargePartTime).Select(m => m.RepresentativeId).Distinct().CountAsync());
        }

        // The officer's first duty under KL 4:18 a: knowing whom it covers.
        if (User.IsInRole(Roles.SecurityOfficer))
        {
            // A glance only; the lists are the inbox (/arenden) and the to-do list (/arenden/att-gora).
            var open = db.Cases.AsNoTracking().Where(c => c.Status != Cases.CaseStatus.Closed);
            var now = time.GetUtcNow();
            CaseCounts = new CaseFigures(
                await open.CountAsync(),
                await open.CountAsync(c => c.AwaitingContactUntil != null && c.AwaitingContactUntil < now),
                await Cases.TodoQuery.DueCountAsync(db, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), today, HttpContext.RequestAborted));

            var covered = await db.Mandates.AsNoTracking()
                .Where(m => m.FullTimeOrLargePartTime && m.From <= today && (m.To == null || m.To >= today))
                .Join(db.Representatives, m => m.RepresentativeId, r => r.Id,
                    (m, r) => new { r.FirstName, r.LastName, m.BodyKind, m.BodyName, m.Role })
                .ToListAsync();
            Statutory = covered.OrderBy(c => c.LastName, Swedish.NameOrder)
                .Select(c => new StatutoryRepresentative($"{c.FirstName} {c.LastName}", c.BodyKind, c.BodyName, c.Role))
                .ToList();
        }

        if (Guid.TryParse(User.FindFirstValue(VarnaClaims.Representative), out var representativeId))
        {
            OwnMandates = await db.Mandates.AsNoTracking()
                .Where(m => m.RepresentativeId == representativeId && (m.To == null || m.To >= today))
                .OrderBy(m => m.From)
                .Select(m => new OwnMandate(m.BodyKind, m.BodyName, m.Role, m.From, m.To))
                .ToListAsync();
        }

        if (User.IsInRole(Roles.NetworkCoordinator))
            NetworkOrganisations = await db.Organisations.CountAsync();
    }
}
