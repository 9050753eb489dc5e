using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Varna.Features.Demo;

namespace Varna.Features.Identity;

public sealed class ApiTokenOptions : AuthenticationSchemeOptions;

// Authenticates `Authorization: Bearer <token>` on /api/v1. The principal is built by the same
// factory as the sign-in cookie, so a token carries exactly the user's organisation and roles.
public sealed class ApiTokenHandler(
    IOptionsMonitor<ApiTokenOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    UserManager<User> users,
    IUserClaimsPrincipalFactory<User> principals,
    DemoMode demo,
    TimeProvider time,
    IProblemDetailsService problems)
    : AuthenticationHandler<ApiTokenOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var hash = ApiToken.Hash(header["Bearer ".Length..].Trim());
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash);
        if (token is null || token.RevokedAt is not null)
            return AuthenticateResult.Fail("Unknown or revoked token.");

        var user = await users.FindByIdAsync(token.UserId.ToString());
        if (user is null || user.IsDeactivated)
            return AuthenticateResult.Fail("The token's account is not active.");
        if (!demo.Enabled && !user.TwoFactorEnabled && await RequiresTwoFactorAsync(user))
            return AuthenticateResult.Fail("The token's account must set up two-factor sign-in first.");

        var now = time.GetUtcNow();
        var stale = now.AddMinutes(-5);
        await db.ApiTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < stale))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));

        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task<bool> RequiresTwoFactorAsync(User user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Any(Roles.RequireTwoFactor.Contains);
    }

    // The reason (no token, unknown or revoked token, two-factor missing) is the caller's own
    // business and reveals nothing about anyone else, so the client is told.
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await WriteProblemAsync(StatusCodes.Status401Unauthorized,
            result.Failure?.Message ?? "A valid personal API token is required (Authorization: Bearer <token>).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Your roles do not allow this.");

    private async Task WriteProblemAsync(int status, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized) Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }
}
