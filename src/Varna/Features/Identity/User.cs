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

    // Deactivation is a lockout that never ends (LockoutEnd = DateTimeOffset.MaxValue). Tested by
    // year, not equality: both providers keep fewer sub-second digits than DateTimeOffset has, so
    // MaxValue comes back from the database a fraction of a second earlier.
    public bool IsDeactivated => IsDeactivation(LockoutEnd);

    public static bool IsDeactivation(DateTimeOffset? lockoutEnd) => lockoutEnd is { Year: 9999 };
}
