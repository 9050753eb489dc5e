using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Varna.Features.Cases;

// One natural sentence per timeline line ("Orosnivån ändrades från ”Måttlig” till ”Hög”."), with the
// codes a line stores turned into their labels and a related case as a link to it.
public static class TimelineSentences
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    // The label prefixes (in CasesText) for a kind's From and To codes. A value that is no known code
    // (a police reference number, a date) is shown as it is.
    private static (string? From, string? To) Labels(CaseEventKind kind) => kind switch
    {
        CaseEventKind.Opened or CaseEventKind.ConcernChanged or CaseEventKind.AssessmentRecorded => ("Concern", "Concern"),
        CaseEventKind.StatusChanged or CaseEventKind.Reopened => ("Status", "Status"),
        CaseEventKind.Closed => ("Status", "CaseOutcome"),
        CaseEventKind.ContactLogged => (null, "ContactMethod"),
        CaseEventKind.MeasureAdded or CaseEventKind.MeasureChanged => (null, "Measure"),
        CaseEventKind.PoliceReportRecorded => (null, "PoliceOutcome"),
        CaseEventKind.Linked => ("LinkReason", null),
        _ => (null, null),
    };

    // Lines written by other parts of Värna whose From/To may be absent: with a To value they get the
    // fuller sentence (key ".to"), without it the plain one.
    private static readonly HashSet<CaseEventKind> OptionalTo =
    [
        CaseEventKind.AssessmentRecorded, CaseEventKind.MeasureAdded, CaseEventKind.MeasureChanged,
        CaseEventKind.PoliceReportRecorded, CaseEventKind.FollowUpSet,
    ];

    public static IHtmlContent For(TimelineEntryResponse entry, Guid caseId, IStringLocalizer text, IReadOnlyList<PersonResponse> officers)
    {
        var key = "Timeline." + Codes.Of(entry.Kind);
        if (OptionalTo.Contains(entry.Kind) && entry.To is not null) key += ".to";
        var (fromPrefix, toPrefix) = Labels(entry.Kind);
        var from = Encode(Label(text, fromPrefix, entry.From));
        var to = Encode(Label(text, toPrefix, entry.To));
        switch (entry.Kind)
        {
            case CaseEventKind.Assigned or CaseEventKind.Unassigned:
                (from, to) = (Encode(Officer(text, officers, entry.From)), Encode(Officer(text, officers, entry.To)));
                break;
            case CaseEventKind.ContactLogged:
                from = DateTimeOffset.TryParse(entry.From, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? Swedish.Format(at) : Encode(entry.From);
                break;
            case CaseEventKind.Linked or CaseEventKind.MergedInto when entry.RelatedId is { } other:
                to = CaseLink(other, entry.To);
                break;
            case CaseEventKind.MergedFrom when entry.RelatedId is { } other:
                from = CaseLink(other, entry.From);
                break;
        }
        // The sentence itself is ours; only the values inserted into it come from data.
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, Html.Encode(text[key].Value), from, to));
    }

    public static string Label(IStringLocalizer text, string? prefix, string? code)
    {
        if (code is null) return "";
        if (prefix is null) return code;
        var label = text[$"{prefix}.{code}"];
        return label.ResourceNotFound ? code : label.Value;
    }

    private static string Officer(IStringLocalizer text, IReadOnlyList<PersonResponse> officers, string? id) =>
        Guid.TryParse(id, out var officerId) && officers.FirstOrDefault(o => o.Id == officerId) is { } officer
            ? officer.Name
            : text["Timeline.FormerOfficer"].Value;

    private static string CaseLink(Guid id, string? reference) => $"<a href=\"/arenden/{id}\">{Encode(reference)}</a>";

    private static string Encode(string? value) => Html.Encode(value ?? "");
}
