using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Varna.Features.Audit;

namespace Varna.Features.Reports;

public sealed record RefusedFileResponse(string FileName, string Reason, string Detail);

// Evidence for a submitted report: files (multipart), pasted text and links, and downloads.
public static class EvidenceApi
{
    private const string EvidenceRoute = "/reports/{id:guid}/evidence/{evidenceId:guid}";

    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        // Token-authenticated and cookie-less, so there is no cross-site form to defend against.
        api.MapPost("/reports/{id:guid}/evidence", UploadAsync).WithName("UploadEvidence")
            .WithSummary("Upload one or more files (multipart/form-data). 413 or 415 names each refused file; the others are kept.")
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.Evidence)
            .WithMetadata(new EvidenceRequestSize(((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<ReportsOptions>>().Value));
        api.MapPost("/reports/{id:guid}/links", AddLinksAsync).WithName("AddEvidenceLinks").RequireRateLimiting(RateLimits.Evidence)
            .WithSummary("Add links to posts and pasted text as evidence.");
        api.MapGet(EvidenceRoute, DownloadAsync).WithName("DownloadEvidence");
        return api;
    }

    private static async Task<IResult> UploadAsync(
        Guid id, HttpContext context, ReportQueries queries, EvidenceIntake intake, ReportConversation conversation,
        IOptions<ReportsOptions> limits, IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        if (await queries.FindForAsync(Reporter.From(context.User), id, cancellationToken) is not var (caller, report))
            return TypedResults.NotFound();
        if (!context.Request.HasFormContentType)
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: shared["Evidence.MultipartExpected"].Value);

        IFormCollection form;
        try { form = await context.Request.ReadFormAsync(cancellationToken); }
        // A body cut off midway or with a malformed part (found by the fuzz test): name the field.
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["files"] = [shared["Problem.BadRequest"].Value] });
        }
        if (form.Files.Count == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["files"] = [shared["Evidence.NoFiles"].Value] });

        var outcome = await intake.AddFilesAsync(report, caller.UserId, form.Files, cancellationToken);
        if (outcome.Accepted.Count > 0 && report.WritesAsReporter(caller))
            await conversation.EvidenceAddedAsync(caller, report, cancellationToken);
        var accepted = outcome.Accepted.Select(EvidenceResponse.From).ToList();
        if (outcome.Refused.Count == 0) return TypedResults.Created($"/api/v1/reports/{id}", accepted);

        var status = outcome.Refused.Any(r => r.Reason is RefusalReason.TooLarge or RefusalReason.ReportFull)
            ? StatusCodes.Status413PayloadTooLarge
            : StatusCodes.Status415UnsupportedMediaType;
        var refused = outcome.Refused.Select(r => new RefusedFileResponse(r.FileName, Codes.Of(r.Reason), EvidenceMessages.Describe(r, limits.Value, shared))).ToList();
        return TypedResults.Problem(
            statusCode: status,
            detail: string.Join(" ", refused.Select(r => r.Detail)),
            extensions: new Dictionary<string, object?> { ["refused"] = refused, ["accepted"] = accepted });
    }

    private static async Task<Results<Created<List<EvidenceResponse>>, ValidationProblem, NotFound>> AddLinksAsync(
        Guid id, LinksRequest request, HttpContext context, ReportQueries queries, EvidenceIntake intake,
        ReportConversation conversation, IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        if (await queries.FindForAsync(Reporter.From(context.User), id, cancellationToken) is not var (caller, report))
            return TypedResults.NotFound();
        var added = await intake.AddTextAndLinksAsync(report, caller.UserId, request.Text, request.Links, cancellationToken);
        if (!added.Succeeded) return TypedResults.ValidationProblem(added.Errors.ToProblemErrors(shared));
        if (added.Value!.Count == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["links"] = [shared["Evidence.NothingGiven"].Value] });
        if (report.WritesAsReporter(caller)) await conversation.EvidenceAddedAsync(caller, report, cancellationToken);
        return TypedResults.Created($"/api/v1/reports/{id}", added.Value!.Select(EvidenceResponse.From).ToList());
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        Guid id, Guid evidenceId, HttpContext context, ReportQueries queries, AppDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await queries.FindForAsync(Reporter.From(context.User), id, cancellationToken) is not var (_, report))
            return TypedResults.NotFound();
        var file = await EvidenceFiles.FindAsync(db, id, evidenceId, cancellationToken);
        if (file is null) return TypedResults.NotFound();
        await audit.WriteAsync(AuditAction.Download, report.CaseId, "GET /api/v1" + EvidenceRoute, $"evidence:{evidenceId} report:{id}", cancellationToken);
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Bytes, file.ContentType, file.FileName);
    }
}

// Kestrel's default body limit (30 MB) is below what a report may carry; this endpoint allows the
// configured report limit and the intake then applies the per-file and per-report limits.
public sealed class EvidenceRequestSize(ReportsOptions options) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => options.MaxRequestBytes;
}
