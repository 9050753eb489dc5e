using System.Text;
using Varna.Features.Audit;

namespace Varna.Features.Privacy.Log;

// /dataskydd/logg.csv: the same search as /dataskydd/logg, every matching line, as a file Swedish
// Excel opens as it is (UTF-8 with BOM, semicolons). The export is itself audited before a line of
// it is sent. A bad filter goes back to the search page, which names the field.
public sealed class AuditLogCsvModel(AppDbContext db, AuditTrail audit, IStringLocalizer<AuditLogText> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? person, string? epost, string? arende, string? fran, string? till, string? handelse,
        CancellationToken cancellationToken)
    {
        var parameters = new AuditLogParameters(person, epost, arende, fran, till, handelse, null);
        var organisationId = AuditActor.Of(User).OrganisationId!.Value;
        var criteria = await AuditLogCriteria.ParseAsync(db, organisationId, parameters, cancellationToken);
        if (!criteria.Succeeded) return Redirect("/dataskydd/logg" + parameters.QueryString());

        var query = parameters.QueryString();
        await audit.WriteAsync(AuditAction.Export, criteria.Value!.CaseId, "GET /dataskydd/logg.csv",
            query.Length == 0 ? "audit_log" : "audit_log " + query[1..], cancellationToken);

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"granskningslogg-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv\"";
        Response.Headers.CacheControl = "private, no-store";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await AuditLogCsvWriter.WriteAsync(writer, AuditLogQuery.AllAsync(db, criteria.Value!), text, cancellationToken);
        return new EmptyResult();
    }
}
