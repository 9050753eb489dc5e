using Microsoft.AspNetCore.Http.HttpResults;
using Varna.Features.Reports;

namespace Varna.Features.Cases;

public sealed record PoliceReportRequest(bool? Reported, string? ReportedBy, string? Reference, DateOnly? ReportedOn,
    string? Outcome, string? OutcomeNote, int? Version)
{
    public PoliceFields ToFields() => new()
    {
        Reported = Reported, ReportedBy = ReportedBy, Reference = Reference, ReportedOn = ReportedOn, Outcome = Outcome, OutcomeNote = OutcomeNote,
    };
}

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapPoliceApi(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/police-report", RecordPoliceReportAsync).WithName("RecordCasePoliceReport")
            .WithSummary("Record whether the incident was reported to the police, by whom, the reference, the date and the outcome. Replaces the earlier record.");
        return cases;
    }

    private static async Task<Results<Ok<PoliceReportResponse>, ValidationProblem, ProblemHttpResult, NotFound>> RecordPoliceReportAsync(
        Guid id, PoliceReportRequest request, HttpContext context, AppDbContext db, CaseChanges changes,
        IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        var outcome = await CasePoliceReports.RecordAsync(db, changes, id, request.Version, request.ToFields(),
            Reporter.From(context.User)!.UserId, cancellationToken);
        if (outcome is null) return TypedResults.NotFound();
        if (!outcome.Succeeded)
            return outcome.Errors.IsConflict(out var conflict) ? CaseProblems.Conflict(conflict, shared) : CaseProblems.Invalid(outcome.Errors, shared);
        var p = outcome.Value!;
        return TypedResults.Ok(new PoliceReportResponse(p.Reported, p.ReportedBy, p.Reference, p.ReportedOn, p.Outcome, p.OutcomeNote, p.UpdatedAt));
    }
}
