namespace Varna.Features.Identity;

// The security officers of an organisation: who may hold a case, and who is told about one.
public static class Officers
{
    public static IQueryable<User> OfficersOf(this AppDbContext db, Guid organisationId)
    {
        var roleId = db.Roles.Where(r => r.Name == Roles.SecurityOfficer).Select(r => r.Id);
        return db.Users.Where(u => u.OrganisationId == organisationId && db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
    }
}
