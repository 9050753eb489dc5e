namespace Varna.Features.Reports;

// Who may see a report, on top of the organisation filter: its reporter, the representative it is
// about, and the organisation's security officers. To anyone else it does not exist (404).
public static class ReportAccess
{
    public static IQueryable<Report> VisibleTo(this IQueryable<Report> reports, Reporter caller) =>
        caller.IsOfficer ? reports : reports.Mine(caller);

    // "Mina rapporter": what I reported myself, and what an officer registered on my behalf.
    public static IQueryable<Report> Mine(this IQueryable<Report> reports, Reporter caller) =>
        reports.Where(r => (r.SubmittedByUserId == caller.UserId && r.IntakeMethod == IntakeMethod.SelfService)
            || (caller.RepresentativeId != null && r.RepresentativeId == caller.RepresentativeId));

    // A message is from the reporter's side unless an officer, not the representative concerned, wrote it.
    public static bool WritesAsReporter(this Report report, Reporter caller) =>
        !caller.IsOfficer
        || (caller.RepresentativeId is not null && report.RepresentativeId == caller.RepresentativeId)
        || (report.SubmittedByUserId == caller.UserId && report.IntakeMethod == IntakeMethod.SelfService);
}
