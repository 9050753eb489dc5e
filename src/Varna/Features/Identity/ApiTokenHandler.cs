using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
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
    IProblemDetailsService problems,
    IMemoryCache cache)
    : AuthenticationHandler<ApiTokenOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        // One read per request answers everything that can change at any moment: is the token still
        // valid, is the account still active, and which security stamp does it carry now.
        var hash = ApiToken.Hash(header["Bearer ".Length..].Trim());
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.Id, t.RevokedAt, t.LastUsedAt, t.UserId, u.LockoutEnd, u.SecurityStamp })
            .SingleOrDefaultAsync();
        if (token is null || token.RevokedAt is not null)
            return AuthenticateResult.Fail("Unknown or revoked token.");
        if (User.IsDeactivation(token.LockoutEnd))
            return AuthenticateResult.Fail("The token's account is not active.");

        var principal = await PrincipalAsync(token.UserId, token.SecurityStamp);
        if (principal is null) return AuthenticateResult.Fail("The token's account is not active.");
        if (!demo.Enabled && principal.FindFirst(VarnaClaims.TwoFactorEnabled) is null && Roles.RequireTwoFactor.Any(principal.IsInRole))
            return AuthenticateResult.Fail("The token's account must set up two-factor sign-in first.");

        // Written at most every few minutes, so that using a token is not a database write.
        var now = time.GetUtcNow();
        if (token.LastUsedAt is null || token.LastUsedAt < now.AddMinutes(-5))
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    // The claims (organisation, roles, representative, 2FA) are built once per account and security
    // stamp. Identity renews the stamp on every change that matters (roles, link, password, 2FA), so a
    // changed account gets a new principal on its very next request; the minute's lifetime only
    // bounds memory and the display name.
    private async Task<ClaimsPrincipal?> PrincipalAsync(Guid userId, string? stamp)
    {
        var key = (nameof(ApiTokenHandler), userId, stamp);
        if (cache.TryGetValue(key, out ClaimsPrincipal? cached)) return cached;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.IsDeactivated) return null;
        var principal = await principals.CreateAsync(user);
        cache.Set(key, principal, TimeSpan.FromMinutes(1));
        return principal;
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
