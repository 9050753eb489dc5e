namespace Varna.Features.Cases;

// The police report as a form or a request gives it, codes as text.
public sealed class PoliceFields
{
    public bool? Reported { get; set; }
    public string? ReportedBy { get; set; }
    public string? Reference { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public string? Outcome { get; set; }
    public string? OutcomeNote { get; set; }

    public static PoliceFields Of(PoliceReportResponse? p) => p is null ? new() : new()
    {
        Reported = p.Reported,
        ReportedBy = p.ReportedBy is { } by ? Codes.Of(by) : null,
        Reference = p.Reference,
        ReportedOn = p.ReportedOn,
        Outcome = p.Outcome is { } outcome ? Codes.Of(outcome) : null,
        OutcomeNote = p.OutcomeNote,
    };

    public PoliceReport.Details ToDetails(List<Error> errors)
    {
        if (Reported is null) errors.Add(new Error(nameof(Reported), "Validation.Required"));
        var by = CodeInput.Optional<PoliceReporter>(ReportedBy, nameof(ReportedBy), errors);
        var outcome = CodeInput.Optional<PoliceOutcome>(Outcome, nameof(Outcome), errors);
        return new PoliceReport.Details(Reported ?? false, by, Reference, ReportedOn, outcome, OutcomeNote);
    }
}

// The police report handler shared by the case page and the API: one record per case, created on
// first use and overwritten as the answer comes in.
public static class CasePoliceReports
{
    public static Task<Result<PoliceReport>?> RecordAsync(AppDbContext db, CaseChanges changes, Guid caseId, int? expectedVersion,
        PoliceFields fields, Guid actor, CancellationToken cancellationToken) =>
        changes.ApplyAsync(caseId, expectedVersion, async @case =>
        {
            var errors = new List<Error>();
            var details = fields.ToDetails(errors);
            if (errors.Count > 0) return Result<PoliceReport>.Fail(errors);
            var existing = await db.PoliceReports.SingleOrDefaultAsync(p => p.CaseId == @case.Id, cancellationToken);
            var report = existing ?? PoliceReport.For(@case);
            var recorded = @case.RecordPoliceReport(report, details, actor, changes.Today, changes.Now);
            if (recorded.Succeeded && existing is null) db.PoliceReports.Add(report);
            return recorded;
        }, cancellationToken);
}
