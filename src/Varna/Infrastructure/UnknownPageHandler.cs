using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Varna.Infrastructure;

// A request that names a handler the page does not have (`?handler=Nonsense`), or posts to a page
// without a handler for it, would otherwise run no handler at all and render the page with nothing
// loaded: a 500 (found by wapiti on /mina-rapporter/{id}?handler=Supplement'...). It is a 404
// instead, like any other address that does not exist. The error page, shown in place of another
// response and keeping that request's method and query, is left alone. (Found twice: by wapiti and by
// the authorization matrix, which saw 500s on the case pages.)
public sealed class UnknownPageHandler : IAsyncPageFilter, IOrderedFilter
{
    // Before every other page filter: nothing else should run for a door that does not exist.
    public int Order => int.MinValue;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.HandlerMethod is null && !IsErrorPage(http) && (NamesHandler(context) || !IsRead(http.Request.Method)))
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }

    private static bool NamesHandler(PageHandlerExecutingContext context) =>
        context.RouteData.Values.ContainsKey("handler") || context.HttpContext.Request.Query.ContainsKey("handler");

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    private static bool IsErrorPage(HttpContext http) =>
        http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null;
}
