using Microsoft.AspNetCore.Mvc.Filters;

namespace Varna.Features.Privacy;

// The subject-access and erasure pages exist only for the organisation's data protection officer.
// Anyone else signed in gets 404, as for cases: a refusal would tell them the page is there.
public sealed class SubjectRightsDpoOnlyPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.HttpContext.User.IsInRole(Roles.DataProtectionOfficer))
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}
