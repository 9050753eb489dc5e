using CaseChangeResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Varna.Features.Cases.CaseResponse>,
    Microsoft.AspNetCore.Http.HttpResults.Created<Varna.Features.Cases.CaseResponse>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;
using Varna.Features.Reports;

namespace Varna.Features.Cases;

public sealed record AssignRequest(Guid? OfficerId, int? Version);

public sealed record ContactRequest(string? Method, string? ContactedAt, string? Note, int? Version);

public sealed record ConcernRequest(string? Level, string? Reason, int? Version);

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/assign", AssignAsync).WithName("AssignCase")
            .WithSummary("Give the case to an officer of the organisation, or release it with officerId null.");
        cases.MapPost("/{id:guid}/contact", ContactAsync).WithName("LogCaseContact")
            .WithSummary("Log a contact with the representative (phone, in_person, message). The first one stops the first-contact clock.");
        cases.MapPost("/{id:guid}/concern", ConcernAsync).WithName("ChangeCaseConcern")
            .WithSummary("Change the concern level with a stated reason; a higher level may shorten the first-contact deadline.");
        return cases;
    }

    private static async Task<CaseChangeResult> AssignAsync(Guid id, AssignRequest request, HttpContext context, AppDbContext db,
        CaseChanges changes, CaseQueries queries, IStringLocalizer<SharedText> shared, CancellationToken cancellationToken) =>
        await AnswerAsync(id, Reporter.From(context.User) is { } caller
            ? await CaseIntake.AssignAsync(db, changes, id, request.Version, request.OfficerId, caller.UserId, cancellationToken)
            : null, queries, shared, cancellationToken);

    private static async Task<CaseChangeResult> ContactAsync(Guid id, ContactRequest request, HttpContext context,
        CaseChanges changes, CaseQueries queries, IStringLocalizer<SharedText> shared, CancellationToken cancellationToken) =>
        await AnswerAsync(id, Reporter.From(context.User) is { } caller
            ? await CaseIntake.LogContactAsync(changes, id, request.Version, request.Method, request.ContactedAt, request.Note, caller.UserId, cancellationToken)
            : null, queries, shared, cancellationToken);

    private static async Task<CaseChangeResult> ConcernAsync(Guid id, ConcernRequest request, HttpContext context, AppDbContext db,
        CaseChanges changes, CaseQueries queries, IStringLocalizer<SharedText> shared, CancellationToken cancellationToken) =>
        await AnswerAsync(id, Reporter.From(context.User) is { } caller
            ? await CaseIntake.ChangeConcernAsync(db, changes, id, request.Version, request.Level, request.Reason, caller.UserId, cancellationToken)
            : null, queries, shared, cancellationToken);

    // 200 with the case as it now is; 404, 409 or 400 as CaseProblems words them.
    private static async Task<CaseChangeResult> AnswerAsync<T>(Guid id, Result<T>? outcome, CaseQueries queries,
        IStringLocalizer shared, CancellationToken cancellationToken, bool created = false)
    {
        if (outcome is null) return TypedResults.NotFound();
        if (!outcome.Succeeded)
            return outcome.Errors.IsConflict(out var conflict) ? CaseProblems.Conflict(conflict, shared) : CaseProblems.Invalid(outcome.Errors, shared);
        if (await queries.SheetAsync(id, cancellationToken) is not { } sheet) return TypedResults.NotFound();
        return created ? TypedResults.Created($"/api/v1/cases/{id}", sheet) : TypedResults.Ok(sheet);
    }
}
