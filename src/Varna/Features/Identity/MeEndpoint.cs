using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Varna.Features.Organisations;

namespace Varna.Features.Identity;

public sealed record OrganisationResponse(Guid Id, string Name, OrganisationKind Kind);
public sealed record MeResponse(Guid Id, string Email, string DisplayName, OrganisationResponse? Organisation, IReadOnlyList<string> Roles);

public static class MeEndpoint
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetAsync).WithName("GetMe").WithSummary("The caller's identity, organisation and roles.");
        return api;
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> GetAsync(ClaimsPrincipal principal, AppDbContext db)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return TypedResults.Unauthorized();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.OrganisationId }).SingleOrDefaultAsync();
        if (user is null) return TypedResults.Unauthorized();
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId)
            .Select(o => new OrganisationResponse(o.Id, o.Name, o.Kind)).SingleOrDefaultAsync();
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList();
        return TypedResults.Ok(new MeResponse(user.Id, user.Email ?? "", user.DisplayName, organisation, roles));
    }
}
