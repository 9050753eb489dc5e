namespace Varna.Features.Cases;

// Whether the incident was reported to the police, and what came of it. One per case, updated as
// the answer comes in; each update is a line in the timeline.
public sealed class PoliceReport : IOrganisationOwned
{
    public const int MaxReferenceLength = 50;

    private PoliceReport() { }

    public Guid CaseId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public bool Reported { get; private set; }
    public PoliceReporter? ReportedBy { get; private set; }
    // The police's own number ("5000-K123456-26"), so either side can refer to it.
    public string? Reference { get; private set; }
    public DateOnly? ReportedOn { get; private set; }
    public PoliceOutcome? Outcome { get; private set; }
    public string? OutcomeNote { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public sealed record Details(bool Reported, PoliceReporter? ReportedBy, string? Reference, DateOnly? ReportedOn,
        PoliceOutcome? Outcome, string? OutcomeNote);

    public static PoliceReport For(Case @case) => new() { CaseId = @case.Id, OrganisationId = @case.OrganisationId };

    public Result<PoliceReport> Set(Details d, DateOnly today, DateTimeOffset now)
    {
        var errors = new List<Error>();
        var reference = string.IsNullOrWhiteSpace(d.Reference) ? null : d.Reference.Trim();
        if (reference?.Length > MaxReferenceLength) errors.Add(new Error("Reference", "Validation.TooLong", MaxReferenceLength));
        if (d.ReportedOn > today) errors.Add(new Error("ReportedOn", "Police.DateInFuture"));
        if (!d.Reported && (d.ReportedBy is not null || reference is not null || d.ReportedOn is not null || d.Outcome is not null))
            errors.Add(new Error("Reported", "Police.NotReportedButDetails"));
        if (d.Reported && d.ReportedBy is null) errors.Add(new Error("ReportedBy", "Validation.Required"));
        if (d.OutcomeNote?.Trim().Length > Case.MaxReasonLength) errors.Add(new Error("OutcomeNote", "Validation.TooLong", Case.MaxReasonLength));
        if (errors.Count > 0) return Result<PoliceReport>.Fail(errors);
        (Reported, ReportedBy, Reference, ReportedOn, Outcome) = (d.Reported, d.ReportedBy, reference, d.ReportedOn, d.Outcome);
        OutcomeNote = string.IsNullOrWhiteSpace(d.OutcomeNote) ? null : d.OutcomeNote.Trim();
        UpdatedAt = now;
        return Result<PoliceReport>.Ok(this);
    }

    // Retention: whether it was reported, by whom, when and the outcome stay; the police's number
    // (which leads to the person) and the note go.
    internal void ErasePersonalData(DateTimeOffset now)
    {
        Reference = null;
        OutcomeNote = null;
        UpdatedAt = now;
    }
}
