using Varna.Features.Audit;

namespace Varna.Features.Privacy.Log;

public sealed record AuditLogPerson(Guid Id, string DisplayName, string? Email);

// /dataskydd/logg: the data protection officer searches their organisation's audit log by person,
// case, period and kind of event, with a plain GET form. A bad filter is named next to its field
// and no list is shown.
public sealed class AuditLogSearchModel(AppDbContext db, IStringLocalizer<AuditLogText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = AuditLogParameters.PersonName)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true, Name = AuditLogParameters.EmailName)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true, Name = AuditLogParameters.CaseName)] public string? Case { get; set; }
    [BindProperty(SupportsGet = true, Name = AuditLogParameters.FromName)] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = AuditLogParameters.ToName)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = AuditLogParameters.ActionName)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = AuditLogParameters.PageName)] public string? PageNumber { get; set; }

    public IReadOnlyList<AuditLogPerson> People { get; private set; } = [];
    public AuditLogPage? Result { get; private set; }
    // Messages by field name (the query string's), in the order of the form.
    public Dictionary<string, string> Errors { get; } = [];
    public AuditLogParameters Parameters => new(Person, Email, Case, From, To, Action, PageNumber);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisationId = AuditActor.Of(User).OrganisationId!.Value;
        People = (await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId)
                .Select(u => new AuditLogPerson(u.Id, u.DisplayName, u.Email)).ToListAsync(cancellationToken))
            .OrderBy(p => p.DisplayName, Swedish.NameOrder).ToList();
        var criteria = await AuditLogCriteria.ParseAsync(db, organisationId, Parameters, cancellationToken);
        if (!criteria.Succeeded)
        {
            foreach (var error in criteria.Errors) Errors[error.Field] = text[error.MessageKey, error.Arguments];
            return;
        }
        Result = await AuditLogQuery.PageAsync(db, criteria.Value!, cancellationToken);
    }

    public string PageUrl(int page) => "/dataskydd/logg" + (Parameters with { Page = null }).QueryString(page);

    public bool Selected(string? value, string option) => string.Equals(value?.Trim(), option, StringComparison.OrdinalIgnoreCase);
}
