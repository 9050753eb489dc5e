using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Varna.Tests.Reliability;

// One callable thing: a method on a route, and for a page the named handler (?handler=X).
public sealed record MatrixEndpoint(string Method, string Route, string? Handler, bool IsPage, bool TakesMultipart)
{
    public string Key => Handler is null ? $"{Method} {Route}" : $"{Method} {Route}?handler={Handler}";
    public bool IsApi => Route.StartsWith("/api/", StringComparison.Ordinal);
}

public static class AuthorizationMatrixEndpoints
{
    // Everything the app routes, read from the same EndpointDataSource the router uses.
    public static async Task<IReadOnlyList<MatrixEndpoint>> AllAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<MatrixEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (IsExcluded(endpoint, route)) continue;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page answers GET and POST; its named handlers (OnPostRevoke...) are separate doors.
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), Name: h.Name)).ToHashSet();
                // A POST with no handler the page knows still reaches the page (and its filters).
                handlers.Add(("GET", null));
                handlers.Add(("POST", null));
                found.AddRange(handlers.Select(h => new MatrixEndpoint(h.Method, route, h.Name, IsPage: true, TakesMultipart: false)));
                continue;
            }
            // An endpoint without a method (the health check) answers any: it is called as GET and POST.
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            var multipart = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.ContentTypes.Contains("multipart/form-data"))
                || route.EndsWith("/evidence", StringComparison.Ordinal);
            found.AddRange(methods.Select(m => new MatrixEndpoint(m, route, null, IsPage: false, multipart)));
        }
        return found.DistinctBy(e => e.Key).OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    private static bool IsExcluded(RouteEndpoint endpoint, string route) =>
        // The files under wwwroot (MapStaticAssets): public by design, one endpoint per file and its
        // compressed twins, and none of them holds data.
        endpoint.Metadata.Any(m => m.GetType().FullName?.StartsWith("Microsoft.AspNetCore.StaticAssets", StringComparison.Ordinal) == true)
        // The fallback (MapErrors) answers 404 for every path nothing else answers; the unknown
        // paths it stands for are not endpoints of their own.
        || route.StartsWith("/{*", StringComparison.Ordinal);
}
