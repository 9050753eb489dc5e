using System.Globalization;

namespace Varna.Features.Representatives;

[Authorize(Roles = Roles.OrgAdmin)]
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "organ")] public string? Body { get; set; }
    [BindProperty(SupportsGet = true, Name = "aktuella")] public bool OnlyCurrent { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool Filtered => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrWhiteSpace(Body) || OnlyCurrent;

    public sealed record Row(Guid Id, string FirstName, string LastName, string? Email, IReadOnlyList<MandateSummary> Current)
    {
        public bool Statutory => Current.Any(m => m.FullTimeOrLargePartTime);
    }

    public sealed record MandateSummary(BodyKind BodyKind, string? BodyName, MandateRole Role, bool FullTimeOrLargePartTime);

    public async Task OnGetAsync()
    {
        var today = time.Today();
        var query = db.Representatives.AsNoTracking();
        Total = await query.CountAsync();

        if (OnlyCurrent)
            query = query.Where(r => r.Mandates.Any(m => m.From <= today && (m.To == null || m.To >= today)));
        if (Codes.TryParse<BodyKind>(Body, out var body))
        {
            query = OnlyCurrent
                ? query.Where(r => r.Mandates.Any(m => m.BodyKind == body && m.From <= today && (m.To == null || m.To >= today)))
                : query.Where(r => r.Mandates.Any(m => m.BodyKind == body));
        }

        var rows = await query
            .Select(r => new Row(r.Id, r.FirstName, r.LastName, r.Email,
                r.Mandates.Where(m => m.From <= today && (m.To == null || m.To >= today))
                    .Select(m => new MandateSummary(m.BodyKind, m.BodyName, m.Role, m.FullTimeOrLargePartTime)).ToList()))
            .ToListAsync();

        // Text search and ordering run here rather than in SQL: SQLite's LIKE and ORDER BY know
        // neither that "å" is "Å" nor that Å, Ä and Ö come last, and one organisation's roster is small.
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var term = Query.Trim();
            rows = rows.Where(r => Contains($"{r.FirstName} {r.LastName}", term) || Contains($"{r.LastName} {r.FirstName}", term)
                || (r.Email is not null && Contains(r.Email, term))).ToList();
        }
        var order = Swedish.NameOrder;
        // Codes are stored as text, so the council-first order of BodyKind is applied here too.
        Rows = rows.OrderBy(r => r.LastName, order).ThenBy(r => r.FirstName, order)
            .Select(r => r with { Current = [.. r.Current.OrderBy(m => m.BodyKind).ThenBy(m => m.BodyName, order)] })
            .ToList();
    }

    private static bool Contains(string text, string term) =>
        Swedish.Culture.CompareInfo.IndexOf(text, term, CompareOptions.IgnoreCase) >= 0;
}
