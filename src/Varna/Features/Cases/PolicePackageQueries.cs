using System.Globalization;
using Varna.Features.Reports;

namespace Varna.Features.Cases;

// Builds the police package from the officer's view of the case (CaseQueries) plus the
// organisation's name: a constant number of queries whatever the size of the case.
public sealed class PolicePackageQueries(AppDbContext db, CaseQueries cases, TimeProvider time,
    IStringLocalizer<CasesText> text, IStringLocalizer<ReportsText> reports)
{
    // Only what the police need to follow the course of events; everything else on the timeline
    // (notes, assessments, concern and status changes, messages, assignments) is internal.
    private static readonly HashSet<CaseEventKind> ForThePolice =
    [
        CaseEventKind.Opened, CaseEventKind.InformationAdded, CaseEventKind.ContactLogged,
        CaseEventKind.PoliceReportRecorded, CaseEventKind.Linked, CaseEventKind.MergedInto, CaseEventKind.MergedFrom,
    ];

    public async Task<PolicePackage?> BuildAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await cases.SheetAsync(id, cancellationToken) is not { } sheet) return null;
        var organisation = await db.Cases.AsNoTracking().Where(c => c.Id == id)
            .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => o.Name).SingleAsync(cancellationToken);

        var incidents = sheet.Reports.Select((r, i) => Incident(i + 1, r.Report, sheet.Representative)).ToList();
        var perpetrators = sheet.Reports.Select((r, i) => new PackagePerpetrator(i + 1,
            r.Report.Perpetrator.Category is { } category ? MineDisplay.Label(reports, "Perpetrator", category) : text["Package.NotGiven"],
            r.Report.Perpetrator.Identifiers)).ToList();
        var evidence = sheet.Reports.SelectMany((r, i) => r.Report.Evidence.Select(e => (Incident: i + 1, Evidence: e)))
            .Select((x, n) => Evidence(n + 1, x.Incident, x.Evidence)).ToList();

        return new PolicePackage(sheet.Id, sheet.Reference, organisation, Swedish.Format(time.GetUtcNow()),
            sheet.PoliceReport?.Reference, incidents, perpetrators, Timeline(sheet), evidence);
    }

    private PackageIncident Incident(int number, ReportResponse report, PersonResponse? representative)
    {
        var notGiven = text["Package.NotGiven"].Value;
        var facts = new List<PackageFact>
        {
            new(text["Package.OccurredAt"], report.OccurredTimeKnown
                ? Swedish.Format(report.OccurredAt) : text["Package.DateOnly", MineDisplay.Date(report.OccurredAt)]),
            new(text["Package.ReceivedAt"], Swedish.Format(report.ReceivedAt)),
            new(text["Package.Location"], report.Location ?? notGiven),
            new(text["Package.Channel"], MineDisplay.Label(reports, "Channel", report.Channel)),
            new(text["Package.ReceivedVia"], MineDisplay.Label(reports, "ReceivedVia", report.ReceivedVia)),
            new(text["Package.Types"], MineDisplay.Types(reports, report.Types)),
            new(text["Package.RoleConnection"], report.RoleConnection is { } c ? MineDisplay.Label(reports, "RoleConnection", c) : notGiven),
        };
        if (representative is not null && representative.Id == report.RepresentativeId)
            facts.Add(new(text["Package.Representative"], representative.Name));
        facts.Add(new(text["Package.Target"], MineDisplay.Label(reports, "Target", report.Target)));
        if (report.AgendaItem is not null) facts.Add(new(text["Package.AgendaItem"], report.AgendaItem));
        if (report.DangerNow) facts.Add(new(text["Package.DangerNow"], text["Package.Yes"]));
        if (report.ReportedToPolice) facts.Add(new(text["Package.ReportedToPolice"], report.PoliceReference ?? text["Package.NoReference"]));
        return new PackageIncident(number, facts, report.Description,
            report.Supplements.Select(s => new PackageSupplement(Swedish.Format(s.AddedAt), s.Text)).ToList());
    }

    private PackageEvidence Evidence(int number, int incident, EvidenceResponse e) => new(number, incident,
        e.Kind switch { EvidenceKind.Link => e.Url ?? "", EvidenceKind.Text => text["Package.PastedText"], _ => e.FileName ?? text["Package.PastedText"] },
        e.Kind == EvidenceKind.Link ? text["Package.Kind.link"] : $"{text[$"Package.Kind.{Codes.Of(e.Kind)}"]} ({e.ContentType})",
        text["Package.Bytes", e.Size.ToString("N0", CultureInfo.CurrentCulture)],
        e.Sha256,
        // To the second: the start of the chain of custody.
        TimeZoneInfo.ConvertTime(e.ReceivedAt, Swedish.TimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));

    private List<PackageEvent> Timeline(CaseResponse sheet)
    {
        var linked = sheet.Links.ToDictionary(l => l.Case.Id, l => l.Case.Reference);
        var firstContact = true;
        var lines = new List<PackageEvent>();
        foreach (var e in sheet.Timeline.Where(e => ForThePolice.Contains(e.Kind)))
        {
            string what = e.Kind switch
            {
                CaseEventKind.ContactLogged => Contact(e, ref firstContact),
                CaseEventKind.Linked => text["Package.Event.linked", e.RelatedId is { } other && linked.TryGetValue(other, out var reference) ? reference : e.To ?? e.From ?? ""],
                CaseEventKind.MergedInto => text["Package.Event.merged_into", e.To ?? ""],
                CaseEventKind.MergedFrom => text["Package.Event.merged_from", e.From ?? ""],
                _ => text[$"Package.Event.{Codes.Of(e.Kind)}"],
            };
            lines.Add(new PackageEvent(Swedish.Format(e.At), what));
        }
        return lines;
    }

    // The note an officer wrote with a contact is internal; only the method and the time go out.
    private string Contact(TimelineEntryResponse e, ref bool first)
    {
        var method = Codes.TryParse<ContactMethod>(e.To, out var m) ? text[$"Package.Contact.{Codes.Of(m)}"].Value : "";
        var at = DateTimeOffset.TryParse(e.From, CultureInfo.InvariantCulture, DateTimeStyles.None, out var contacted) ? contacted : e.At;
        var key = first ? "Package.Event.first_contact" : "Package.Event.contact_logged";
        first = false;
        return text[key, method, Swedish.Format(at)];
    }
}
