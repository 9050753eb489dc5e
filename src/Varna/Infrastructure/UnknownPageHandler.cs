using Microsoft.AspNetCore.Mvc.Filters;

namespace Varna.Infrastructure;

// A request that names no handler the page has (a POST to a page without forms, ?handler=Nope)
// would otherwise render the page without running any handler, on a model that was never loaded,
// and fail with a 500. It is a door that does not exist: 404, before any other page filter runs.
// Pages without handler methods (plain views such as the access-denied page) are left alone.
public sealed class UnknownPageHandler : IAsyncPageFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}
