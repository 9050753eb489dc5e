using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Varna.Features.Cases;

namespace Varna.Features.Audit;

// One audit line for every request to the case pages (/arenden) that shows or changes case data,
// written after the handler chose its answer and before a byte of it is sent. Requests answered
// 404 (another organisation's case, a case that does not exist) show nothing and are not logged:
// there was no read, and the id someone typed is no fact about this organisation.
public sealed class CaseAuditPageFilter : IAsyncPageFilter, IOrderedFilter
{
    // After the officers-only filter, so a refused caller is never logged as having read anything.
    public int Order => 1;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled) return;
        var outcome = OutcomeOf(executed.Result);
        if (outcome == Outcome.Nothing) return;

        var http = context.HttpContext;
        var handler = context.HandlerMethod?.Name;
        var target = $"{http.Request.Method} /{context.ActionDescriptor.AttributeRouteInfo?.Template}{(handler is null ? "" : $" [{handler}]")}";
        var caseId = context.RouteData.Values.TryGetValue("id", out var id) && Guid.TryParse(id?.ToString(), out var parsed) ? parsed : (Guid?)null;
        var (action, detail) = Classify(context, http, outcome);
        await http.RequestServices.GetRequiredService<AuditTrail>().WriteAsync(action, caseId, target, detail, http.RequestAborted);
    }

    private static (AuditAction Action, string? Detail) Classify(PageHandlerExecutingContext context, HttpContext http, Outcome outcome)
    {
        if (HttpMethods.IsGet(http.Request.Method))
        {
            return context.HandlerInstance switch
            {
                CaseDetailsModel when context.HandlerMethod?.Name == "Evidence" =>
                    (AuditAction.Download, $"evidence:{http.Request.Query["evidenceId"]} report:{http.Request.Query["reportId"]}"),
                // The police package is a document made from the case: an export, as a page or as Word.
                PolicePackageModel => (AuditAction.Export, "police_package"),
                PolicePackageDownloadModel => (AuditAction.Export, "police_package.docx"),
                _ => (AuditAction.CaseRead, null),
            };
        }
        // A post that redirects has been saved (post/redirect/get); one that shows the page again
        // was refused (bad input, conflict) but still showed the case.
        return outcome == Outcome.Redirected ? (AuditAction.CaseChanged, null) : (AuditAction.CaseRead, "not_saved");
    }

    private enum Outcome { Nothing, Shown, Redirected }

    private static Outcome OutcomeOf(IActionResult? result) => result switch
    {
        null => Outcome.Shown, // a void handler renders its page
        PageResult page => IsSuccess(page.StatusCode) ? Outcome.Shown : Outcome.Nothing,
        RedirectToPageResult or RedirectResult or LocalRedirectResult or RedirectToRouteResult or RedirectToActionResult => Outcome.Redirected,
        ChallengeResult or ForbidResult or SignOutResult => Outcome.Nothing,
        IStatusCodeActionResult coded => IsSuccess(coded.StatusCode) ? Outcome.Shown : Outcome.Nothing,
        // Anything else (a file, content) carries data: log it rather than miss it.
        _ => Outcome.Shown,
    };

    private static bool IsSuccess(int? status) => status is null or (>= 200 and < 300);
}
