using Microsoft.AspNetCore.Http.HttpResults;
using Varna.Features.Audit;

namespace Varna.Features.Reports;

// The reporter's download of their own evidence, signed in with the cookie like the pages. Always
// an attachment: a stored file is never shown as a page of Värna's origin, whatever it contains.
public static class MineEvidenceDownload
{
    public const string Route = "/mina-rapporter/{id:guid}/bevis/{evidenceId:guid}";

    public static IEndpointRouteBuilder MapMineEvidenceDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, DownloadAsync).RequireAuthorization(p => p.RequireRole(Roles.Representative)).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        Guid id, Guid evidenceId, HttpContext context, ReportQueries queries, AppDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await queries.FindForAsync(MineCaller.From(context.User), id, cancellationToken) is not var (_, report))
            return TypedResults.NotFound();
        var file = await EvidenceFiles.FindAsync(db, id, evidenceId, cancellationToken);
        if (file is null) return TypedResults.NotFound();
        // The reporter's own file, but a download of case evidence all the same.
        await audit.WriteAsync(AuditAction.Download, report.CaseId, "GET " + Route, $"evidence:{evidenceId} report:{id}", cancellationToken);
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Bytes, file.ContentType, file.FileName);
    }
}
