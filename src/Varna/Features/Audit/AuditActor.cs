using System.Security.Claims;

namespace Varna.Features.Audit;

// Who did something, as the log names them: the account (when known), the address used, and the
// organisation whose chain the line goes to.
public sealed record AuditActor(Guid? UserId, string? Name, Guid? OrganisationId)
{
    public static AuditActor Of(ClaimsPrincipal principal) => new(
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : null,
        principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name,
        Guid.TryParse(principal.FindFirstValue(VarnaClaims.Organisation), out var organisationId) ? organisationId : null);

    public static AuditActor Of(User user) => new(user.Id, user.Email ?? user.UserName, user.OrganisationId);

    // The operator at the server's command line: no account, but the line still belongs to the organisation.
    public static AuditActor CommandLine(Guid? organisationId) => new(null, "cli", organisationId);
}
