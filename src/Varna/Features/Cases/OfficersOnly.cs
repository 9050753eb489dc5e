using Microsoft.AspNetCore.Mvc.Filters;

namespace Varna.Features.Cases;

// Cases exist only for the security officers of their own organisation. Anyone else signed in
// (a representative, an analyst, an admin) gets 404, not 403: a refusal would confirm that the
// case exists. Other organisations' cases are already invisible through the tenant query filter.
public sealed class OfficersOnlyPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.HttpContext.User.IsInRole(Roles.SecurityOfficer))
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}

public sealed class OfficersOnlyEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.User.IsInRole(Roles.SecurityOfficer) ? await next(context) : TypedResults.NotFound();
}
