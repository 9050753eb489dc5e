using Microsoft.AspNetCore.Http.HttpResults;

namespace Varna.Features.Cases;

// /api/v1/cases: the same handlers as the /arenden pages, for programs. Each slice maps its own
// endpoints (CasesApi.*.cs); failures are answered the same way everywhere (CaseProblems).
public static partial class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder cases)
    {
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetCase")
            .WithSummary("One case with its reports, evidence metadata, assessments, measures, police report and timeline.");
        cases.MapInboxApi();
        cases.MapIntakeApi();
        cases.MapStatusApi();
        cases.MapNotesApi();
        cases.MapLinksApi();
        cases.MapAssessmentsApi();
        cases.MapMeasuresApi();
        cases.MapPoliceApi();
        cases.MapPackageApi();
        return cases;
    }

    private static async Task<Results<Ok<CaseResponse>, NotFound>> GetAsync(Guid id, CaseQueries queries, CancellationToken cancellationToken) =>
        await queries.SheetAsync(id, cancellationToken) is { } sheet ? TypedResults.Ok(sheet) : TypedResults.NotFound();
}
