using System.Globalization;
using Varna.Features.Audit;

namespace Varna.Features.Privacy.Log;

// The search form as it arrives (query string), all text, so a wrong value is named and refused
// rather than silently ignored: an unfiltered log must never pass for the one that was asked for.
public sealed record AuditLogParameters(string? Person, string? Email, string? Case, string? From, string? To, string? Action, string? Page)
{
    // The query string's names, which are also the ids of the form's fields.
    public const string PersonName = "person", EmailName = "epost", CaseName = "arende", FromName = "fran", ToName = "till",
        ActionName = "handelse", PageName = "sida";

    public string QueryString(int? page = null)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) query.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
        }
        Add(PersonName, Person);
        Add(EmailName, Email);
        Add(CaseName, Case);
        Add(FromName, From);
        Add(ToName, To);
        Add(ActionName, Action);
        if (page is > 1) Add(PageName, page.Value.ToString(CultureInfo.InvariantCulture));
        return query.Count == 0 ? "" : "?" + string.Join("&", query);
    }

    public bool Filtered => new[] { Person, Email, Case, From, To, Action }.Any(v => !string.IsNullOrWhiteSpace(v));
}

// What to show, resolved against the caller's organisation: a person is one of its accounts, a
// case one of its cases, and the period whole Swedish days.
public sealed record AuditLogCriteria(Guid OrganisationId, Guid? UserId, Guid? CaseId,
    DateTimeOffset? FromUtc, DateTimeOffset? BeforeUtc, AuditAction? Action, int Page)
{
    public const int PageSize = 50;

    public static async Task<Result<AuditLogCriteria>> ParseAsync(AppDbContext db, Guid organisationId, AuditLogParameters p,
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();

        Guid? userId = null;
        var person = p.Person?.Trim();
        if (!string.IsNullOrEmpty(person))
        {
            if (Guid.TryParse(person, out var id) && await db.Users.AnyAsync(u => u.Id == id && u.OrganisationId == organisationId, cancellationToken))
                userId = id;
            else errors.Add(new(AuditLogParameters.PersonName, "Log.UnknownPerson"));
        }

        var typed = p.Email?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(typed))
        {
            var owner = await db.Users.Where(u => u.OrganisationId == organisationId && u.Email == typed)
                .Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
            if (owner is null) errors.Add(new(AuditLogParameters.EmailName, "Log.UnknownEmail", Shorten(typed)));
            else if (userId is not null && userId != owner) errors.Add(new(AuditLogParameters.EmailName, "Log.PersonAndEmailDiffer"));
            else userId = owner;
        }

        Guid? caseId = null;
        var reference = p.Case?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(reference))
        {
            // Explicitly the caller's organisation, whatever the query filter says.
            caseId = await db.Cases.Where(c => c.OrganisationId == organisationId && c.Reference == reference)
                .Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (caseId is null) errors.Add(new(AuditLogParameters.CaseName, "Log.UnknownCase", Shorten(reference)));
        }

        var from = Date(p.From, AuditLogParameters.FromName, errors);
        var to = Date(p.To, AuditLogParameters.ToName, errors);
        if (from is { } f && to is { } t && f > t) errors.Add(new(AuditLogParameters.ToName, "Log.ToBeforeFrom"));

        AuditAction? action = null;
        if (!string.IsNullOrWhiteSpace(p.Action))
        {
            if (Codes.TryParse<AuditAction>(p.Action.Trim(), out var a)) action = a;
            else errors.Add(new(AuditLogParameters.ActionName, "Log.UnknownAction"));
        }

        var page = 1;
        if (!string.IsNullOrWhiteSpace(p.Page) && (!int.TryParse(p.Page.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            errors.Add(new(AuditLogParameters.PageName, "Log.BadPage"));

        if (errors.Count > 0) return Result<AuditLogCriteria>.Fail(errors);
        return Result<AuditLogCriteria>.Ok(new AuditLogCriteria(organisationId, userId, caseId,
            from is { } start ? StartOf(start) : null, to is { } end ? StartOf(end.AddDays(1)) : null, action, page));
    }

    private static DateOnly? Date(string? value, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(new(field, field == AuditLogParameters.FromName ? "Log.BadFrom" : "Log.BadTo", Shorten(value.Trim())));
        return null;
    }

    // Midnight in Sweden, as the moment the database compares with.
    private static DateTimeOffset StartOf(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Swedish.TimeZone), TimeSpan.Zero);

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
