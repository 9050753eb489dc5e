using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Varna.Infrastructure;

// 429 with Retry-After in seconds. Programs get problem details saying when to try again; people
// get the error page (the status code pages re-execute /fel/429), which says how long to wait.
public static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Seconds(wait);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!StatusCodePages.IsApi(context.Request)) return;

        var shared = context.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = shared["Error.TooManyTitle"],
                Detail = shared["Error.TooManyApi", seconds],
            },
        });
    }

    public static int Seconds(TimeSpan wait) => (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));

    // How many whole minutes the page should tell the person to wait.
    public static int MinutesToWait(HttpResponse response) =>
        int.TryParse(response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? Math.Max(1, (seconds + 59) / 60)
            : 1;
}
