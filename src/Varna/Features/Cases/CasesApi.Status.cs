using CaseChangeResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Varna.Features.Cases.CaseResponse>,
    Microsoft.AspNetCore.Http.HttpResults.Created<Varna.Features.Cases.CaseResponse>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;
using Varna.Features.Reports;

namespace Varna.Features.Cases;

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapStatusApi(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/status", StatusAsync).WithName("ChangeCaseStatus")
            .WithSummary("Move the case forward, close it (outcome, reporterInformed) or reopen a closed one (reason). A disallowed step answers 409 with currentStatus and requestedStatus.");
        cases.MapPost("/{id:guid}/follow-ups", SetFollowUpAsync).WithName("SetCaseFollowUp")
            .WithSummary("Set a follow-up reminder on any date, for the caller or another officer of the organisation.");
        cases.MapPost("/{id:guid}/follow-ups/{followUpId:guid}/done", FollowUpDoneAsync).WithName("CaseFollowUpDone")
            .WithSummary("Mark a follow-up reminder as done.");
        return cases;
    }

    private static async Task<CaseChangeResult> StatusAsync(Guid id, StatusRequest request, HttpContext context,
        CaseChanges changes, CaseQueries queries, IStringLocalizer<SharedText> shared, CancellationToken cancellationToken) =>
        await AnswerAsync(id, Reporter.From(context.User) is { } caller
            ? await CaseStatusChanges.ChangeAsync(changes, id, request, caller.UserId, cancellationToken)
            : null, queries, shared, cancellationToken);

    private static async Task<CaseChangeResult> SetFollowUpAsync(Guid id, FollowUpRequest request, HttpContext context, AppDbContext db,
        CaseChanges changes, CaseQueries queries, IStringLocalizer<SharedText> shared, CancellationToken cancellationToken) =>
        await AnswerAsync(id, Reporter.From(context.User) is { } caller
            ? await CaseFollowUps.SetAsync(db, changes, id, request.DueOn, request.Note, request.OfficerId, caller.UserId, cancellationToken)
            : null, queries, shared, cancellationToken, created: true);

    private static async Task<CaseChangeResult> FollowUpDoneAsync(Guid id, Guid followUpId, HttpContext context, AppDbContext db,
        CaseChanges changes, CaseQueries queries, IStringLocalizer<SharedText> shared, CancellationToken cancellationToken) =>
        await AnswerAsync(id, Reporter.From(context.User) is { } caller
            ? await CaseFollowUps.DoneAsync(db, changes, id, followUpId, caller.UserId, cancellationToken)
            : null, queries, shared, cancellationToken);
}
