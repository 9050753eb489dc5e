using Microsoft.AspNetCore.Identity;

namespace Varna.Features.Identity;

// A person who signs in. Belongs to at most one organisation (a network coordinator belongs to
// none) and may be linked to the representative record they are.
public sealed class User : IdentityUser<Guid>
{
    public Guid? OrganisationId { get; set; }
    public Guid? RepresentativeId { get; set; }
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsDeactivated => LockoutEnd == DateTimeOffset.MaxValue;
}
