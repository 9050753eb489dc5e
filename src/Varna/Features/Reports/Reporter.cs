using System.Security.Claims;

namespace Varna.Features.Reports;

// Who is submitting: read once from the signed-in principal, the same for pages and the API.
public sealed record Reporter(Guid UserId, Guid OrganisationId, Guid? RepresentativeId, bool IsOfficer)
{
    public static Reporter? From(ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return null;
        if (!Guid.TryParse(user.FindFirstValue(VarnaClaims.Organisation), out var organisationId)) return null;
        Guid? representativeId = Guid.TryParse(user.FindFirstValue(VarnaClaims.Representative), out var r) ? r : null;
        return new Reporter(userId, organisationId, representativeId, user.IsInRole(Roles.SecurityOfficer));
    }
}
