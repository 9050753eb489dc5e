
namespace Varna.Features.Users;

public enum AccountStatus { Active, Invited, Deactivated }

public sealed record AccountRow(
    Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, AccountStatus Status, bool TwoFactor, string? Representative);

public sealed record RepresentativeOption(Guid Id, string Name);

// Reads of the signed-in admin's own organisation's accounts. db.Users has no tenant filter (sign-in
// needs every account), so every query here starts from InOrganisation().
public sealed class AccountQueries(AppDbContext db)
{
    public IQueryable<User> InOrganisation()
    {
        var organisationId = db.CurrentOrganisationId;
        // Without an organisation nothing matches; comparing with null would find network coordinators.
        return organisationId is null ? db.Users.Where(_ => false) : db.Users.Where(u => u.OrganisationId == organisationId);
    }

    public Task<User?> FindAsync(Guid id) => InOrganisation().SingleOrDefaultAsync(u => u.Id == id);

    public static AccountStatus StatusOf(DateTimeOffset? lockoutEnd, bool hasPassword) =>
        User.IsDeactivation(lockoutEnd) ? AccountStatus.Deactivated
        : hasPassword ? AccountStatus.Active : AccountStatus.Invited;

    public static AccountStatus StatusOf(User user) => StatusOf(user.LockoutEnd, user.PasswordHash is not null);

    public async Task<IReadOnlyList<AccountRow>> ListAsync()
    {
        var users = await InOrganisation().AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled, u.RepresentativeId })
            .ToListAsync();
        var roles = (await RolesInOrganisation().ToListAsync()).ToLookup(r => r.UserId, r => r.Role);
        var representativeIds = users.Where(u => u.RepresentativeId != null).Select(u => u.RepresentativeId!.Value).ToList();
        var representatives = await db.Representatives.AsNoTracking()
            .Where(r => representativeIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.FirstName + " " + r.LastName);

        var byName = Swedish.NameOrder;
        return users
            .Select(u => new AccountRow(u.Id, u.DisplayName, u.Email ?? "",
                roles[u.Id].OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList(),
                StatusOf(u.LockoutEnd, u.HasPassword), u.TwoFactorEnabled,
                u.RepresentativeId is { } rep ? representatives.GetValueOrDefault(rep) : null))
            .OrderBy(a => a.DisplayName, byName)
            .ToList();
    }

    public async Task<IReadOnlyList<string>> RolesOfAsync(Guid userId) =>
        await RolesInOrganisation().Where(r => r.UserId == userId).Select(r => r.Role).ToListAsync();

    // Active OrgAdmins (a password chosen, not deactivated) other than the given account.
    public async Task<int> OtherActiveAdminsAsync(Guid exceptUserId)
    {
        var admins = await (
            from u in InOrganisation()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.OrgAdmin && u.Id != exceptUserId
            select new { u.LockoutEnd, HasPassword = u.PasswordHash != null }).ToListAsync();
        return admins.Count(a => StatusOf(a.LockoutEnd, a.HasPassword) == AccountStatus.Active);
    }

    // The organisation's representatives that are free to link: not linked to another account.
    public async Task<IReadOnlyList<RepresentativeOption>> RepresentativeOptionsAsync(Guid? forUserId)
    {
        var taken = InOrganisation().Where(u => u.RepresentativeId != null && u.Id != forUserId).Select(u => u.RepresentativeId!.Value);
        var options = await db.Representatives.AsNoTracking()
            .Where(r => !taken.Contains(r.Id))
            .Select(r => new RepresentativeOption(r.Id, r.LastName + ", " + r.FirstName))
            .ToListAsync();
        var byName = Swedish.NameOrder;
        return options.OrderBy(o => o.Name, byName).ToList();
    }

    public async Task<bool> RepresentativeExistsAsync(Guid id) => await db.Representatives.AnyAsync(r => r.Id == id);

    public async Task<bool> RepresentativeLinkedElsewhereAsync(Guid representativeId, Guid? exceptUserId) =>
        await InOrganisation().AnyAsync(u => u.RepresentativeId == representativeId && u.Id != exceptUserId);

    public async Task<string> OrganisationNameAsync()
    {
        var organisationId = db.CurrentOrganisationId;
        return await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync();
    }

    private IQueryable<UserRole> RolesInOrganisation() =>
        from u in InOrganisation()
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        select new UserRole { UserId = u.Id, Role = r.Name! };

    // A member-initialised class rather than a positional record, so EF can filter on it after the projection.
    private sealed class UserRole
    {
        public Guid UserId { get; init; }
        public string Role { get; init; } = "";
    }
}
