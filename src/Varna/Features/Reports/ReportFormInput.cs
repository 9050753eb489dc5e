using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Varna.Features.Reports;

// The fields of /rapportera and the officer's on-behalf form, as the browser posts them. Nothing is
// checked here: ReportSubmission validates the request this becomes, and its error fields
// ("Description", "Perpetrator.Category", ...) match these property paths under "Input.".
public sealed class ReportFormInput
{
    [Display(Name = "Field.DangerNow")] public bool? DangerNow { get; set; }
    [Display(Name = "Field.OccurredDate")] public string? OccurredDate { get; set; }
    [Display(Name = "Field.OccurredTime")] public string? OccurredTime { get; set; }
    [Display(Name = "Field.Description")] public string? Description { get; set; }
    [Display(Name = "Field.Channel")] public string? Channel { get; set; }
    [Display(Name = "Field.Types")] public List<string> Types { get; set; } = [];
    [Display(Name = "Field.Wish")] public string? Wish { get; set; }
    [Display(Name = "Field.Target")] public string? Target { get; set; } = "self";
    [Display(Name = "Field.Location")] public string? Location { get; set; }
    public PerpetratorFormInput Perpetrator { get; set; } = new();
    [Display(Name = "Field.RoleConnection")] public string? RoleConnection { get; set; }
    [Display(Name = "Field.AgendaItem")] public string? AgendaItem { get; set; }
    [Display(Name = "Field.ReportedToPolice")] public bool ReportedToPolice { get; set; }
    [Display(Name = "Field.PoliceReference")] public string? PoliceReference { get; set; }
    [Display(Name = "Field.PastedText")] public string? PastedText { get; set; }
    [Display(Name = "Field.Links")] public string? Links { get; set; }
    [Display(Name = "Field.Files")] public List<IFormFile> Files { get; set; } = [];

    // Only on the officer's form.
    [Display(Name = "Field.OnBehalfOfRepresentativeId")] public string? OnBehalfOfRepresentativeId { get; set; }
    [Display(Name = "Field.ReceivedVia")] public string? ReceivedVia { get; set; }

    // Where errors about the moment land; the date field shows them.
    [Display(Name = "Field.OccurredAt")] public string? OccurredAt => CombineOccurredAt(OccurredDate, OccurredTime, null);

    public static ReportFormInput Empty(DateOnly today) => new() { OccurredDate = Iso(today) };

    public ReportRequest ToRequest(DateOnly today, Guid? onBehalfOf = null, string? receivedVia = null) => new()
    {
        DangerNow = DangerNow == true,
        OccurredAt = CombineOccurredAt(OccurredDate, OccurredTime, today),
        Channel = Channel,
        Types = Types,
        Description = Description,
        Wish = Wish,
        Target = Target,
        Location = Location,
        Perpetrator = new PerpetratorRequest { Category = Perpetrator.Category, Identifiers = Lines(Perpetrator.Identifiers) },
        RoleConnection = RoleConnection,
        AgendaItem = AgendaItem,
        // Unticked is "not said": a police reference on its own still means the police have it.
        ReportedToPolice = ReportedToPolice ? true : null,
        PoliceReference = PoliceReference,
        OnBehalfOfRepresentativeId = onBehalfOf,
        ReceivedVia = receivedVia,
    };

    public IReadOnlyList<string> LinkLines() => Lines(Links);

    // "2026-11-28" when only the day is known, "2026-11-28T14:30" with a time. A time without a
    // date means today; neither means now, which the handler decides.
    private static string? CombineOccurredAt(string? date, string? time, DateOnly? today)
    {
        date = date?.Trim();
        time = time?.Trim();
        if (string.IsNullOrEmpty(date))
        {
            if (string.IsNullOrEmpty(time) || today is null) return null;
            date = Iso(today.Value);
        }
        return string.IsNullOrEmpty(time) ? date : $"{date}T{time}";
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}

public sealed class PerpetratorFormInput
{
    [Display(Name = "Field.Perpetrator.Category")] public string? Category { get; set; }
    [Display(Name = "Field.Perpetrator.Identifiers")] public string? Identifiers { get; set; }
}
