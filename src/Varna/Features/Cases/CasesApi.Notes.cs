using Microsoft.AspNetCore.Http.HttpResults;
using Varna.Features.Reports;

namespace Varna.Features.Cases;

public sealed record NoteRequest(string? Text);

// Internal notes (officers only, never the reporter) and the messages with the reporters.
public static partial class CasesApi
{
    internal static RouteGroupBuilder MapNotesApi(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/notes", AddNoteAsync).WithName("AddCaseNote")
            .WithSummary("Add an internal note to the case's timeline. Never shown to the reporter.");
        cases.MapGet("/{id:guid}/messages", MessagesAsync).WithName("CaseMessages")
            .WithSummary("The messages with the reporters of all the case's reports, oldest first.");
        cases.MapPost("/{id:guid}/messages", SendMessageAsync).WithName("SendCaseMessage")
            .WithSummary("Write to the reporter of one of the case's reports (reportId may be left out when the case has one report).");
        return cases;
    }

    private static async Task<Results<Created<TimelineEntryResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        Guid id, NoteRequest request, HttpContext context, AppDbContext db, CaseChanges changes, IStringLocalizer<SharedText> shared,
        CancellationToken cancellationToken)
    {
        if (Reporter.From(context.User) is not { } caller) return TypedResults.NotFound();
        var added = await CaseNotes.AddAsync(db, changes, id, request.Text, caller.UserId, cancellationToken);
        if (added is null) return TypedResults.NotFound();
        if (!added.Succeeded) return added.Errors.IsConflict(out var conflict) ? CaseProblems.Conflict(conflict, shared) : CaseProblems.Invalid(added.Errors, shared);
        var e = added.Value!;
        var author = context.User.FindFirst(System.Security.Claims.ClaimTypes.GivenName)?.Value;
        return TypedResults.Created($"/api/v1/cases/{id}", new TimelineEntryResponse(e.Id, e.At, e.Kind, author, e.From, e.To, e.Text, e.RelatedId));
    }

    private static async Task<Results<Ok<List<CaseMessageResponse>>, NotFound>> MessagesAsync(
        Guid id, AppDbContext db, CancellationToken cancellationToken) =>
        await CaseMessages.ListAsync(db, id, cancellationToken) is { } messages ? TypedResults.Ok(messages) : TypedResults.NotFound();

    private static async Task<Results<Created<CaseMessageResponse>, NotFound, ValidationProblem>> SendMessageAsync(
        Guid id, CaseMessageRequest request, HttpContext context, AppDbContext db, ReportQueries reports, ReportConversation conversation,
        IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        if (Reporter.From(context.User) is not { } caller) return TypedResults.NotFound();
        var sent = await CaseMessages.SendAsync(db, reports, conversation, caller, id, request, cancellationToken);
        if (sent is null) return TypedResults.NotFound();
        if (!sent.Succeeded) return CaseProblems.Invalid(sent.Errors, shared);
        var m = sent.Value!;
        var author = context.User.FindFirst(System.Security.Claims.ClaimTypes.GivenName)?.Value ?? "";
        return TypedResults.Created($"/api/v1/cases/{id}/messages",
            new CaseMessageResponse(m.Id, m.ReportId, m.FromReporter, author, m.Body, m.SentAt));
    }
}
