using Microsoft.AspNetCore.Http.HttpResults;
using Varna.Features.Reports;

namespace Varna.Features.Cases;

// The other case by reference or id; merge: true closes this case as merged into the other and
// moves its reports there. Version is this case's, as read (stale: 409).
public sealed record LinkRequest(string? Reference, Guid? CaseId, string? Reason, string? Note, bool Merge, int? Version);

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapLinksApi(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/links", LinkAsync).WithName("LinkCase")
            .WithSummary("Link the case to another of the organisation's cases (reason: same_perpetrator, campaign, other), " +
                "or with merge: true merge it into the other case. Returns the linked case, or for a merge the case merged into.");
        return cases;
    }

    private static async Task<Results<Ok<CaseResponse>, NotFound, ValidationProblem, ProblemHttpResult>> LinkAsync(
        Guid id, LinkRequest request, HttpContext context, AppDbContext db, CaseChanges changes, CaseQueries queries,
        IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        if (Reporter.From(context.User) is not { } caller) return TypedResults.NotFound();
        var other = new OtherCase(request.Reference, request.CaseId);
        var outcome = request.Merge
            ? await CaseLinking.MergeAsync(db, changes, id, request.Version, other, caller.UserId, cancellationToken)
            : await CaseLinking.LinkAsync(db, changes, id, request.Version, other, request.Reason, request.Note, caller.UserId, cancellationToken);
        if (outcome is null) return TypedResults.NotFound();
        if (!outcome.Succeeded)
            return outcome.Errors.IsConflict(out var conflict) ? CaseProblems.Conflict(conflict, shared) : CaseProblems.Invalid(outcome.Errors, shared);
        return await queries.SheetAsync(outcome.Value!.Id, cancellationToken) is { } sheet ? TypedResults.Ok(sheet) : TypedResults.NotFound();
    }
}
