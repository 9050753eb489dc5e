using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Varna.Features.Identity;

public sealed class VarnaClaimsPrincipalFactory(
    UserManager<User> userManager, RoleManager<IdentityRole<Guid>> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationId is { } org) identity.AddClaim(new Claim(VarnaClaims.Organisation, org.ToString()));
        if (user.RepresentativeId is { } rep) identity.AddClaim(new Claim(VarnaClaims.Representative, rep.ToString()));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(VarnaClaims.TwoFactorEnabled, "true"));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        return identity;
    }
}
