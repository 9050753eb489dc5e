using Microsoft.AspNetCore.Http.HttpResults;

namespace Varna.Features.Reports;

// /api/v1/reports: the same handlers as /rapportera and /mina-rapporter, for programs.
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/reports", SubmitAsync).WithName("SubmitReport").RequireRateLimiting(RateLimits.Reports)
            .WithSummary("Submit a report. Opens a case with a concern level and first-contact deadline.");
        api.MapGet("/reports/mine", MineAsync).WithName("MyReports").WithSummary("The caller's own reports, newest first.");
        api.MapGet("/reports/{id:guid}", GetAsync).WithName("GetReport").WithSummary("One of the caller's reports.");
        api.MapPost("/reports/{id:guid}/supplements", SupplementAsync).WithName("SupplementReport")
            .WithSummary("Add information to a submitted report.");
        api.MapGet("/reports/{id:guid}/messages", MessagesAsync).WithName("ReportMessages");
        api.MapPost("/reports/{id:guid}/messages", SendMessageAsync).WithName("SendReportMessage")
            .WithSummary("Write to the other side: the reporter to the security officers, or an officer to the reporter.");
        api.MapEvidenceApi();
        return api;
    }

    private static async Task<Results<Created<ReportCreatedResponse>, ValidationProblem, ForbidHttpResult>> SubmitAsync(
        ReportRequest request, HttpContext context, ReportSubmission submission, IStringLocalizer<SharedText> shared,
        IStringLocalizer<ReportsText> text, CancellationToken cancellationToken)
    {
        if (Reporter.From(context.User) is not { } reporter) return TypedResults.Forbid();
        var result = await submission.SubmitAsync(reporter, request, cancellationToken);
        if (!result.Succeeded) return TypedResults.ValidationProblem(result.Errors.ToProblemErrors(shared));
        var (report, @case) = result.Value!;
        return TypedResults.Created($"/api/v1/reports/{report.Id}", new ReportCreatedResponse(report.Id, @case.Reference, @case.Status,
            @case.ConcernLevel, @case.FirstContactDueAt, ReportGuidance.For(report, @case, text)));
    }

    private static async Task<Results<Ok<List<ReportSummaryResponse>>, ForbidHttpResult>> MineAsync(
        HttpContext context, ReportQueries queries, CancellationToken cancellationToken) =>
        Reporter.From(context.User) is { } caller
            ? TypedResults.Ok(await queries.MineAsync(caller, cancellationToken))
            : TypedResults.Forbid();

    private static async Task<Results<Ok<ReportResponse>, NotFound>> GetAsync(
        Guid id, HttpContext context, ReportQueries queries, CancellationToken cancellationToken) =>
        Reporter.From(context.User) is { } caller && await queries.DetailsAsync(caller, id, cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.NotFound();

    private static async Task<Results<Created<SupplementResponse>, ValidationProblem, NotFound>> SupplementAsync(
        Guid id, SupplementRequest request, HttpContext context, ReportQueries queries, ReportConversation conversation,
        IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        if (await queries.FindForAsync(Reporter.From(context.User), id, cancellationToken) is not var (caller, report))
            return TypedResults.NotFound();
        var added = await conversation.SupplementAsync(caller, report, request.Text, cancellationToken);
        if (!added.Succeeded) return TypedResults.ValidationProblem(added.Errors.ToProblemErrors(shared));
        var s = added.Value!;
        return TypedResults.Created($"/api/v1/reports/{id}", new SupplementResponse(s.Id, s.Text, s.AddedAt));
    }

    private static async Task<Results<Ok<List<MessageResponse>>, NotFound>> MessagesAsync(
        Guid id, HttpContext context, ReportQueries queries, CancellationToken cancellationToken) =>
        await queries.FindForAsync(Reporter.From(context.User), id, cancellationToken) is not null
            ? TypedResults.Ok(await queries.MessagesAsync(id, cancellationToken))
            : TypedResults.NotFound();

    private static async Task<Results<Created<MessageResponse>, ValidationProblem, NotFound>> SendMessageAsync(
        Guid id, MessageRequest request, HttpContext context, ReportQueries queries, ReportConversation conversation,
        IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        if (await queries.FindForAsync(Reporter.From(context.User), id, cancellationToken) is not var (caller, report))
            return TypedResults.NotFound();
        var sent = await conversation.SendAsync(caller, report, request.Body, cancellationToken);
        if (!sent.Succeeded) return TypedResults.ValidationProblem(sent.Errors.ToProblemErrors(shared));
        var m = sent.Value!;
        var author = context.User.FindFirst(System.Security.Claims.ClaimTypes.GivenName)?.Value ?? "";
        return TypedResults.Created($"/api/v1/reports/{id}/messages", new MessageResponse(m.Id, m.FromReporter, author, m.Body, m.SentAt));
    }
}
