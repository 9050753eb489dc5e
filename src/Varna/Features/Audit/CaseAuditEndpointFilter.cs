using Microsoft.AspNetCore.Http.Metadata;

namespace Varna.Features.Audit;

// The case API's counterpart of CaseAuditPageFilter: one line per request answered 2xx, written
// before the answer is sent. Reads are case_read (the police package: export), every successful
// POST/PATCH/PUT/DELETE is case_changed with the route as its target.
public sealed class CaseAuditEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (!IsSuccess(StatusOf(result))) return result;

        var http = context.HttpContext;
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        var caseId = http.Request.RouteValues.TryGetValue("id", out var id) && Guid.TryParse(id?.ToString(), out var parsed) ? parsed : (Guid?)null;
        var name = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        var action = !HttpMethods.IsGet(http.Request.Method) ? AuditAction.CaseChanged
            : name == "GetPolicePackage" ? AuditAction.Export
            : AuditAction.CaseRead;
        await http.RequestServices.GetRequiredService<AuditTrail>()
            .WriteAsync(action, caseId, $"{http.Request.Method} {route}", name, http.RequestAborted);
        return result;
    }

    private static int? StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult coded => coded.StatusCode,
        _ => null,
    };

    private static bool IsSuccess(int? status) => status is null or (>= 200 and < 300);
}
