using Varna.Features.Reports;

namespace Varna.Features.Cases;

// The officers' inbox: the organisation's open cases, most urgent first, filtered by a plain GET
// form. A filter value the page does not know is named next to its field and no list is shown,
// so nobody mistakes an unfiltered list for the one they asked for.
public sealed class InboxModel(AppDbContext db, TimeProvider time, IStringLocalizer<CasesText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "oro")] public string? Concern { get; set; }
    [BindProperty(SupportsGet = true, Name = "handlaggare")] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true, Name = "forsenade")] public string? Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "typ")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "sida")] public string? PageNumber { get; set; }

    // The query string's names for the filter parameters, which errors are keyed by.
    public static readonly IReadOnlyDictionary<string, string> InputNames = new Dictionary<string, string>
    {
        [nameof(InboxParameters.Status)] = "status",
        [nameof(InboxParameters.Concern)] = "oro",
        [nameof(InboxParameters.Assignee)] = "handlaggare",
        [nameof(InboxParameters.Overdue)] = "forsenade",
        [nameof(InboxParameters.Type)] = "typ",
        [nameof(InboxParameters.Page)] = "sida",
    };

    public InboxPage? Result { get; private set; }
    public IReadOnlyList<PersonResponse> Officers { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public DateTimeOffset Now { get; private set; }

    public bool Filtered => new[] { Status, Concern, Assignee, Overdue, Type }.Any(v => !string.IsNullOrWhiteSpace(v));
    public bool OverdueChecked => string.Equals(Overdue?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = Reporter.From(User)!;
        Now = time.GetUtcNow();
        Officers = await db.OfficersOf(caller.OrganisationId).OrderBy(u => u.DisplayName)
            .Select(u => new PersonResponse(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        var filter = InboxFilter.Parse(new InboxParameters(Status, Concern, Assignee, Overdue, Type, PageNumber), Officers.Select(o => o.Id).ToList());
        if (!filter.Succeeded)
        {
            foreach (var error in filter.Errors)
                Errors[InputNames[error.Field]] = error.Field == nameof(InboxParameters.Page)
                    ? text["Inbox.BadPage", PageNumber ?? ""]
                    : text["Inbox.UnknownValue", error.Arguments.FirstOrDefault() ?? ""];
            return;
        }
        Result = await InboxQuery.PageAsync(db, filter.Value!, caller.UserId, Now, cancellationToken);
    }

    public bool Selected(string? value, string option) => string.Equals(value?.Trim(), option, StringComparison.OrdinalIgnoreCase);

    // "2 h 15 min kvar", "Försenad 3 h 40 min", or why there is no clock.
    public string FirstContact(InboxItem item)
    {
        if (item.FirstContactAt is not null) return text["Inbox.ContactMade"];
        if (item.AwaitingContactUntil is not { } due) return text["Inbox.NoContactWanted"];
        return item.Overdue ? text["Inbox.Late", Duration(Now - due)] : text["Inbox.Left", Duration(due - Now)];
    }

    private string Duration(TimeSpan span)
    {
        var minutes = (long)Math.Max(0, Math.Floor(span.TotalMinutes));
        var (days, hours, rest) = (minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
        if (days > 0) return text["Inbox.DaysHours", days, hours];
        return minutes >= 60 ? text["Inbox.HoursMinutes", minutes / 60, rest] : text["Inbox.Minutes", rest];
    }

    // The same filters on another page of the list.
    public string PageUrl(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) query.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
        }
        Add("status", Status);
        Add("oro", Concern);
        Add("handlaggare", Assignee);
        Add("forsenade", OverdueChecked ? "true" : null);
        Add("typ", Type);
        if (page > 1) Add("sida", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return query.Count == 0 ? "/arenden" : "/arenden?" + string.Join("&", query);
    }
}
