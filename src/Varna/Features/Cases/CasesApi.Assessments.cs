using Microsoft.AspNetCore.Http.HttpResults;
using Varna.Features.Reports;

namespace Varna.Features.Cases;

// The structured threat assessment: every POST records a new version; earlier versions stay readable.
public static partial class CasesApi
{
    internal static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder cases)
    {
        cases.MapGet("/{id:guid}/assessments", AssessmentsAsync).WithName("CaseAssessments")
            .WithSummary("Every version of the case's threat assessment, newest first.");
        cases.MapGet("/{id:guid}/assessments/{version:int}", AssessmentAsync).WithName("CaseAssessment")
            .WithSummary("One version of the case's threat assessment, as it was recorded.");
        cases.MapPost("/{id:guid}/assessments", RecordAssessmentAsync).WithName("RecordCaseAssessment")
            .WithSummary("Record a new version of the threat assessment: yes/no/unknown per factor with notes, the decided level, a rationale and a re-assessment date. A different level changes the case's concern level.");
        return cases;
    }

    private static async Task<Results<Ok<IReadOnlyList<AssessmentResponse>>, NotFound>> AssessmentsAsync(
        Guid id, AppDbContext db, CancellationToken cancellationToken) =>
        await AssessmentQueries.CaseAsync(db, id, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await AssessmentQueries.AllAsync(db, id, cancellationToken));

    private static async Task<Results<Ok<AssessmentResponse>, NotFound>> AssessmentAsync(
        Guid id, int version, AppDbContext db, CancellationToken cancellationToken) =>
        await AssessmentQueries.VersionAsync(db, id, version, cancellationToken) is { } assessment
            ? TypedResults.Ok(assessment)
            : TypedResults.NotFound();

    private static async Task<Results<Created<AssessmentResponse>, ValidationProblem, ProblemHttpResult, NotFound>> RecordAssessmentAsync(
        Guid id, AssessmentRequest request, HttpContext context, AppDbContext db, CaseChanges changes,
        IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        if (Reporter.From(context.User) is not { } caller) return TypedResults.NotFound();
        var outcome = await CaseAssessments.RecordAsync(db, changes, id, request, caller.UserId, cancellationToken);
        if (outcome is null) return TypedResults.NotFound();
        if (!outcome.Succeeded)
            return outcome.Errors.IsConflict(out var conflict) ? CaseProblems.Conflict(conflict, shared) : CaseProblems.Invalid(outcome.Errors, shared);
        var recorded = outcome.Value!;
        var response = await AssessmentQueries.VersionAsync(db, id, recorded.Version, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/assessments/{recorded.Version}", response);
    }
}
