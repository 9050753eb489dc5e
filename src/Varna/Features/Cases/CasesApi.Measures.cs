using Microsoft.AspNetCore.Http.HttpResults;
using Varna.Features.Reports;

namespace Varna.Features.Cases;

public sealed record MeasureRequest(string? Code, string? Description, string? Owner, Guid? OwnerOfficerId, string? Status,
    DateOnly? StartOn, DateOnly? ReviewOn, DateOnly? EndOn)
{
    public MeasureFields ToFields() => new()
    {
        Code = Code, Description = Description, Owner = Owner, OwnerOfficerId = OwnerOfficerId, Status = Status,
        StartOn = StartOn, ReviewOn = ReviewOn, EndOn = EndOn,
    };
}

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapMeasuresApi(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/measures", AddMeasureAsync).WithName("AddCaseMeasure")
            .WithSummary("Add a measure from the catalogue, with an owner, a status and dates.");
        cases.MapPatch("/{id:guid}/measures/{measureId:guid}", ChangeMeasureAsync).WithName("ChangeCaseMeasure")
            .WithSummary("Change the given fields of a measure; `version` (the measure's) is required. A field sent as null is cleared.");
        return cases;
    }

    private static async Task<Results<Created<MeasureResponse>, ValidationProblem, ProblemHttpResult, NotFound>> AddMeasureAsync(
        Guid id, MeasureRequest request, HttpContext context, AppDbContext db, CaseChanges changes,
        IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        var outcome = await CaseMeasures.AddAsync(db, changes, id, request.ToFields(), Reporter.From(context.User)!.UserId, cancellationToken);
        if (outcome is null) return TypedResults.NotFound();
        if (!outcome.Succeeded)
            return outcome.Errors.IsConflict(out var conflict) ? CaseProblems.Conflict(conflict, shared) : CaseProblems.Invalid(outcome.Errors, shared);
        return TypedResults.Created($"/api/v1/cases/{id}", await MeasureResponseAsync(db, outcome.Value!, cancellationToken));
    }

    private static async Task<Results<Ok<MeasureResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeMeasureAsync(
        Guid id, Guid measureId, MeasurePatch patch, HttpContext context, AppDbContext db, CaseChanges changes,
        IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        var outcome = await CaseMeasures.ChangeAsync(db, changes, id, measureId, patch.Version, patch.ApplyTo,
            Reporter.From(context.User)!.UserId, cancellationToken);
        if (outcome is null) return TypedResults.NotFound();
        if (!outcome.Succeeded)
            return outcome.Errors.IsConflict(out var conflict) ? CaseProblems.Conflict(conflict, shared) : CaseProblems.Invalid(outcome.Errors, shared);
        return TypedResults.Ok(await MeasureResponseAsync(db, outcome.Value!, cancellationToken));
    }

    private static async Task<MeasureResponse> MeasureResponseAsync(AppDbContext db, Measure m, CancellationToken cancellationToken)
    {
        var owner = m.OwnerOfficerId is { } officer
            ? await db.Users.AsNoTracking().Where(u => u.Id == officer).Select(u => new PersonResponse(u.Id, u.DisplayName)).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new MeasureResponse(m.Id, m.Code, m.Description, m.Owner, owner, m.Status, m.StartOn, m.ReviewOn, m.EndOn, m.Version);
    }
}
