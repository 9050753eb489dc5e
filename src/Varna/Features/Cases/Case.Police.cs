namespace Varna.Features.Cases;

// The police report record overwrites what was known before (a reference, an outcome), so it is a
// change of the case: it takes the case's version and leaves a line in the timeline.
public sealed partial class Case
{
    internal Result<PoliceReport> RecordPoliceReport(PoliceReport report, PoliceReport.Details details, Guid actor,
        DateOnly today, DateTimeOffset now)
    {
        var before = report.UpdatedAt == default ? null : PoliceState(report);
        var set = report.Set(details, today, now);
        if (!set.Succeeded) return set;
        Changed(now);
        Record(CaseEventKind.PoliceReportRecorded, actor, now, from: before, to: PoliceState(report), text: report.Reference);
        return set;
    }

    // "convicted", or before any outcome "reported" / "not_reported".
    private static string PoliceState(PoliceReport report) =>
        report.Outcome is { } outcome ? Codes.Of(outcome) : report.Reported ? "reported" : "not_reported";
}
