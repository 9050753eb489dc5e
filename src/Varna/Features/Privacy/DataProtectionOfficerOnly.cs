using Microsoft.AspNetCore.Mvc.Filters;

namespace Varna.Features.Privacy;

// Every page under /Privacy (the audit log, subject access, erasure) is the data protection
// officer's alone. Anyone else signed in gets 404, not 403, like the case pages: the page's existence
// is nothing they need confirmed. Which organisation's data is shown comes from the officer's own
// account, never from the request. Applied to the folder in PrivacyRegistration.
public sealed class DataProtectionOfficerOnly : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (!user.IsInRole(Roles.DataProtectionOfficer) || !Guid.TryParse(user.FindFirst(VarnaClaims.Organisation)?.Value, out _))
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}
