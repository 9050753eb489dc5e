using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Varna.Features.Reports;

namespace Varna.Features.Cases;

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapInboxApi(this RouteGroupBuilder cases)
    {
        cases.MapGet("/", ListAsync).WithName("ListCases")
            .WithSummary("The organisation's open cases, most urgent first, 50 a page.")
            .WithDescription("Filters: status (an open status), concern, assignee (me, unassigned or an officer's id), overdue=true, type (incident type), page (from 1). " +
                "Running first-contact clocks come first by deadline (overdue ones at the top), then the rest by concern level and age.");
        cases.MapGet("/todo", TodoAsync).WithName("CaseTodo")
            .WithSummary("The caller's due follow-ups, measure reviews and re-assessments (oldest first), and those of the next 14 days.");
        return cases;
    }

    private static async Task<Results<Ok<InboxPage>, ValidationProblem>> ListAsync(string? status, string? concern, string? assignee,
        string? overdue, string? type, string? page, ClaimsPrincipal user, AppDbContext db, TimeProvider time,
        IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        var caller = Reporter.From(user)!;
        var officers = await db.OfficersOf(caller.OrganisationId).Select(u => u.Id).ToListAsync(cancellationToken);
        var filter = InboxFilter.Parse(new InboxParameters(status, concern, assignee, overdue, type, page), officers);
        if (!filter.Succeeded) return CaseProblems.Invalid(filter.Errors, shared);
        return TypedResults.Ok(await InboxQuery.PageAsync(db, filter.Value!, caller.UserId, time.GetUtcNow(), cancellationToken));
    }

    private static async Task<Ok<TodoList>> TodoAsync(ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await TodoQuery.ForAsync(db, Reporter.From(user)!.UserId, time.Today(), cancellationToken));
}
