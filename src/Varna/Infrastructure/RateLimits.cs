using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Varna.Infrastructure;

// ASP.NET Core's rate limiter with one policy per kind of request. Endpoints name their policy
// ([EnableRateLimiting] on a page model, RequireRateLimiting on a minimal endpoint); every
// anonymous endpoint has one (Web/RateLimitTests checks it). A refused caller gets 429 with
// Retry-After (RateLimitRejection).
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Reports = "reports";
    public const string Evidence = "evidence";
    public const string Anonymous = "anonymous";
    public const string Health = "health";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => new[] { o.SignIn, o.SignInPerEmail, o.Reports, o.Evidence, o.Anonymous, o.Health }
                .All(w => w.PermitLimit > 0 && w.WindowSeconds > 0), "Every RateLimits:* needs PermitLimit and WindowSeconds above 0.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimitRejection.WriteAsync;
            // The sign-in pages are anonymous pages too: their GETs count as anonymous requests.
            o.AddPolicy(SignIn, c => HttpMethods.IsPost(c.Request.Method)
                ? Window(c, l => l.SignIn, "post:" + Address(c))
                : Window(c, l => l.Anonymous, "get:" + Address(c)));
            o.AddPolicy(Reports, c => HttpMethods.IsPost(c.Request.Method)
                ? Window(c, l => l.Reports, Caller(c))
                : RateLimitPartition.GetNoLimiter(""));
            // The API's upload and link endpoints, and the evidence form of /mina-rapporter/{id}
            // (its message and supplement forms are not uploads).
            o.AddPolicy(Evidence, c => HttpMethods.IsPost(c.Request.Method)
                && (StatusCodePages.IsApi(c.Request) || string.Equals(Handler(c), "evidence", StringComparison.OrdinalIgnoreCase))
                ? Window(c, l => l.Evidence, Caller(c))
                : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(Anonymous, c => Window(c, l => l.Anonymous, Address(c)));
            o.AddPolicy(Health, c => Window(c, l => l.Health, Address(c)));
            // Besides the per-address limit: guessing one account's password from many addresses.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c =>
                TypedEmail(c) is { } email ? Window(c, l => l.SignInPerEmail, email) : RateLimitPartition.GetNoLimiter(""));
        });
        return builder;
    }

    // After authorization, so that an API caller's token has made them a known user.
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app)
    {
        // The per-e-mail partition reads the posted form; reading it here, asynchronously, means
        // the limiter finds it already read (and the page's model binding reuses it).
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
                && context.GetEndpoint()?.Metadata.GetMetadata<SignInFormAttribute>() is not null)
            {
                try { await context.Request.ReadFormAsync(context.RequestAborted); }
                catch (InvalidDataException) { } // a malformed form is the page's to answer
            }
            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static RateLimitPartition<string> Window(HttpContext context, Func<RateLimitOptions, RateLimitWindow> pick, string key)
    {
        var window = pick(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = TimeSpan.FromSeconds(window.WindowSeconds),
            QueueLimit = 0,
        });
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // Signed-in callers are counted per person, so that colleagues behind one address do not
    // use up each other's limit.
    private static string Caller(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "user:" + userId : "address:" + Address(context);

    private static string? Handler(HttpContext context) =>
        context.Request.RouteValues["handler"] as string ?? context.Request.Query["handler"].FirstOrDefault();

    private static string? TypedEmail(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)) return null;
        if (context.GetEndpoint()?.Metadata.GetMetadata<SignInFormAttribute>() is not { } form) return null;
        var typed = context.Features.Get<IFormFeature>()?.Form?[form.EmailField].ToString().Trim();
        return string.IsNullOrEmpty(typed) ? null : "email:" + typed.ToUpperInvariant();
    }
}

// Marks the page whose form carries the e-mail address a person signs in with.
[AttributeUsage(AttributeTargets.Class)]
public sealed class SignInFormAttribute(string emailField) : Attribute
{
    public string EmailField { get; } = emailField;
}
