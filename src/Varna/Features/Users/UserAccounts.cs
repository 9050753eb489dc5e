using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Varna.Features.Audit;

namespace Varna.Features.Users;

public sealed record AccountDetails(string DisplayName, IReadOnlyList<string> Roles, Guid? RepresentativeId);

// What an organisation's admin does to the organisation's accounts. Checks come first and nothing
// is stored when one fails; role and link changes end the account's sessions (security stamp).
public sealed class UserAccounts(AppDbContext db, UserManager<User> users, AccountQueries queries, Invitations invitations, AuditTrail audit,
    TimeProvider time)
{
    public async Task<Result<User>> InviteAsync(string email, AccountDetails details, CancellationToken cancellationToken = default)
    {
        email = email.Trim().ToLowerInvariant();
        var errors = new List<Error>(CheckEmail(email));
        errors.AddRange(await CheckDetailsAsync(details, null));
        // One answer whichever organisation holds the address; the other account is never shown.
        if (errors.Count == 0 && await users.FindByEmailAsync(email) is not null) errors.Add(new("Email", "Users.EmailTaken"));
        if (errors.Count > 0) return Result<User>.Fail(errors);

        var now = time.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(now),
            UserName = email,
            Email = email,
            DisplayName = details.DisplayName.Trim(),
            OrganisationId = db.CurrentOrganisationId,
            RepresentativeId = details.RepresentativeId,
            CreatedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                var taken = created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName));
                return new Error("Email", taken ? "Users.EmailTaken" : "Users.EmailInvalid");
            }
            Ensure(await users.AddToRolesAsync(user, details.Roles.Distinct()));
            await transaction.CommitAsync(cancellationToken);
        }
        await audit.WriteAsync(AuditAction.RoleChanged, target: Target(user), detail: $"{user.Email}: invited as {string.Join(", ", details.Roles.Distinct().Order())}",
            cancellationToken: cancellationToken);
        await invitations.SendAsync(user, await queries.OrganisationNameAsync(), cancellationToken);
        return Result<User>.Ok(user);
    }

    // Returns whether the account's sessions were ended (roles or representative link changed).
    public async Task<Result<bool>> UpdateAsync(User user, AccountDetails details, Guid actorId)
    {
        var errors = new List<Error>(await CheckDetailsAsync(details, user.Id));
        var current = await queries.RolesOfAsync(user.Id);
        var wanted = details.Roles.Distinct().ToList();
        if (errors.Count == 0)
            errors.AddRange(AccountRules.CheckRoleChange(user.Id == actorId, current.Contains(Roles.OrgAdmin), wanted.Contains(Roles.OrgAdmin),
                await queries.OtherActiveAdminsAsync(user.Id), AccountQueries.StatusOf(user) == AccountStatus.Active));
        if (errors.Count > 0) return Result<bool>.Fail(errors);

        var rolesChanged = !current.ToHashSet().SetEquals(wanted);
        var linkChanged = user.RepresentativeId != details.RepresentativeId;
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.DisplayName = details.DisplayName.Trim();
        user.RepresentativeId = details.RepresentativeId;
        Ensure(await users.UpdateAsync(user));
        if (rolesChanged)
        {
            Ensure(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
            Ensure(await users.AddToRolesAsync(user, wanted.Except(current)));
        }
        if (rolesChanged || linkChanged) Ensure(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync();
        if (rolesChanged)
            await audit.WriteAsync(AuditAction.RoleChanged, target: Target(user),
                detail: $"{user.Email}: {string.Join(", ", current.Order())} -> {string.Join(", ", wanted.Order())}");
        return Result<bool>.Ok(rolesChanged || linkChanged);
    }

    public async Task<IReadOnlyList<Error>> DeactivateAsync(User user, Guid actorId)
    {
        if (user.IsDeactivated) return [];
        var activeAdmin = AccountQueries.StatusOf(user) == AccountStatus.Active && await users.IsInRoleAsync(user, Roles.OrgAdmin);
        var errors = AccountRules.CheckDeactivation(user.Id == actorId, activeAdmin,
            activeAdmin ? await queries.OtherActiveAdminsAsync(user.Id) : 0);
        if (errors.Count > 0) return errors;
        Ensure(await users.SetLockoutEnabledAsync(user, true));
        Ensure(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Ensure(await users.UpdateSecurityStampAsync(user));
        await audit.WriteAsync(AuditAction.AccountDeactivated, target: Target(user), detail: user.Email);
        return [];
    }

    public async Task ReactivateAsync(User user)
    {
        if (!user.IsDeactivated) return;
        Ensure(await users.SetLockoutEndDateAsync(user, null));
        Ensure(await users.ResetAccessFailedCountAsync(user));
        await audit.WriteAsync(AuditAction.AccountReactivated, target: Target(user), detail: user.Email);
    }

    public async Task<IReadOnlyList<Error>> ResendInvitationAsync(User user, CancellationToken cancellationToken = default)
    {
        if (user.PasswordHash is not null) return [new("", "Users.AlreadyHasPassword")];
        if (user.IsDeactivated) return [new("", "Users.InviteDeactivated")];
        // A new stamp voids the links sent before, so only the latest one works.
        Ensure(await users.UpdateSecurityStampAsync(user));
        await invitations.SendAsync(user, await queries.OrganisationNameAsync(), cancellationToken);
        return [];
    }

    // For a person who lost their phone: they sign in with their password and set up a new app.
    public async Task<IReadOnlyList<Error>> ResetTwoFactorAsync(User user)
    {
        if (!user.TwoFactorEnabled) return [new("", "Users.NoTwoFactor")];
        Ensure(await users.SetTwoFactorEnabledAsync(user, false));
        // Zero new codes: the old recovery codes stop working too.
        if (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0) is null)
            throw new InvalidOperationException("Identity refused to clear the recovery codes.");
        Ensure(await users.ResetAuthenticatorKeyAsync(user)); // also renews the security stamp
        await audit.WriteAsync(AuditAction.TwoFactorChanged, target: Target(user), detail: $"{user.Email}: totp_reset_by_admin");
        return [];
    }

    private async Task<IReadOnlyList<Error>> CheckDetailsAsync(AccountDetails details, Guid? userId)
    {
        var errors = new List<Error>();
        if (details.DisplayName.Trim().Length > 200) errors.Add(new("DisplayName", "Users.NameTooLong", 200));
        errors.AddRange(AccountRules.CheckRoles(details.Roles));
        if (details.RepresentativeId is { } representativeId)
        {
            if (!await queries.RepresentativeExistsAsync(representativeId))
                errors.Add(new("RepresentativeId", "Users.RepresentativeUnknown"));
            else if (await queries.RepresentativeLinkedElsewhereAsync(representativeId, userId))
                errors.Add(new("RepresentativeId", "Users.RepresentativeTaken"));
        }
        return errors;
    }

    // The account changed, as opposed to the admin who changed it (the line's actor).
    private static string Target(User user) => "user:" + user.Id;

    private static IReadOnlyList<Error> CheckEmail(string email) =>
        email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email
            ? [new("Email", "Users.EmailInvalid")]
            : [];

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Identity refused an account change: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
