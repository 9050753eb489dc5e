namespace Varna.Features.Users;

// What an organisation's admin may do to its accounts. Pure, so the guards read in one place and
// hold whichever page or endpoint calls them.
public static class AccountRules
{
    public static IReadOnlyList<Error> CheckRoles(IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0) return [new("Roles", "Users.RolesRequired")];
        // Exact match only: a forged "networkcoordinator" or an unknown name is as wrong as the real one.
        if (roles.Any(r => !Roles.Organisational.Contains(r, StringComparer.Ordinal)))
            return [new("Roles", "Users.RoleNotAllowed")];
        return [];
    }

    // otherActiveAdmins: active OrgAdmins of the organisation other than the target account.
    public static IReadOnlyList<Error> CheckRoleChange(bool isSelf, bool wasAdmin, bool staysAdmin, int otherActiveAdmins, bool targetActive)
    {
        if (!wasAdmin || staysAdmin) return [];
        if (isSelf) return [new("Roles", "Users.CannotRemoveOwnAdmin")];
        if (targetActive && otherActiveAdmins == 0) return [new("Roles", "Users.LastAdmin")];
        return [];
    }

    public static IReadOnlyList<Error> CheckDeactivation(bool isSelf, bool isAdmin, int otherActiveAdmins)
    {
        if (isSelf) return [new("", "Users.CannotDeactivateSelf")];
        if (isAdmin && otherActiveAdmins == 0) return [new("", "Users.LastAdmin")];
        return [];
    }
}
