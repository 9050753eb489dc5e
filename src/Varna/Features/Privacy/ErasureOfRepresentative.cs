using Microsoft.AspNetCore.Identity;
using Varna.Features.Audit;
using Varna.Features.Cases;

namespace Varna.Features.Privacy;

public enum CaseDisposition
{
    // Closed and past the organisation's retention period: erased now.
    EraseNow,
    // Open: the organisation still handles the threat.
    KeepOpen,
    // Closed, within the retention period: a public record (allmän handling) the organisation's
    // archive decision keeps until the date given; the retention job erases it then.
    KeepRetention,
    // Merged into a case that is still kept; it goes with that case.
    KeepMerged,
    AlreadyErased,
}

public sealed record PlannedCase(Guid Id, string Reference, CaseStatus Status, DateTimeOffset? ClosedAt, CaseDisposition Disposition,
    DateTimeOffset? ErasedOn);

public sealed record ErasurePlan(Guid RepresentativeId, string Name, bool AlreadyAnonymised, int Accounts, int Mandates,
    IReadOnlyList<PlannedCase> Cases, bool AccountHasOtherRoles, int RetentionMonths)
{
    public IEnumerable<PlannedCase> Erased => Cases.Where(c => c.Disposition == CaseDisposition.EraseNow);
    public IEnumerable<PlannedCase> Kept => Cases.Where(c => c.Disposition is not CaseDisposition.EraseNow and not CaseDisposition.AlreadyErased);
}

public sealed record ErasureReceipt(Guid RepresentativeId, DateTimeOffset At, int Accounts, int Mandates,
    IReadOnlyList<string> ErasedCases, IReadOnlyList<PlannedCase> KeptCases, IReadOnlyList<string> EarlierErasedCases);

// Erasure on the data subject's request (GDPR art. 17) for one representative of the caller's
// organisation. What the law lets the organisation erase is erased, in one transaction: the
// representative record and their accounts are anonymised, and their closed cases that are past the
// retention period lose their personal data as under the retention rule. What must be kept is kept
// and listed with its reason: open cases (art. 17.3 b, the ongoing handling of a threat), closed cases
// within the retention period (public records kept under the organisation's archive decision, which
// the retention setting is; a police case may still be running) and the audit log (art. 5.2).
public sealed class ErasureOfRepresentative(AppDbContext db, RetentionSweep sweep, RetentionEraser eraser, UserManager<User> users,
    AuditLog audit, TimeProvider time)
{
    public const string ErasedDisplayName = "Raderad användare";

    public async Task<ErasurePlan?> PlanAsync(Guid representativeId, CancellationToken cancellationToken)
    {
        var organisationId = db.CurrentOrganisationId;
        var representative = await db.Representatives.AsNoTracking().Include(r => r.Mandates)
            .SingleOrDefaultAsync(r => r.Id == representativeId, cancellationToken);
        if (representative is null || organisationId is not { } orgId) return null;
        var now = time.GetUtcNow();
        var months = await db.Organisations.AsNoTracking().Where(o => o.Id == orgId)
            .Select(o => o.Settings.RetentionMonthsAfterClosure).SingleAsync(cancellationToken);
        var accounts = await AccountsAsync(orgId, representativeId, cancellationToken);
        var otherRoles = false;
        foreach (var account in accounts)
            otherRoles |= (await users.GetRolesAsync(account)).Any(r => r != Roles.Representative);

        var accountIds = accounts.Select(a => a.Id).ToList();
        var reportCaseIds = (await SubjectAccessQueries.ReportsAboutAsync(db, representativeId, accountIds, cancellationToken))
            .Select(r => r.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.RepresentativeId == representativeId || reportCaseIds.Contains(c.Id))
            .OrderBy(c => c.OpenedAt).ToListAsync(cancellationToken);
        var due = (await sweep.DueAsync(orgId, months, now, cancellationToken)).ToHashSet();
        var planned = cases.Select(c => new PlannedCase(c.Id, c.Reference, c.Status, c.ClosedAt,
            c.IsPersonalDataErased ? CaseDisposition.AlreadyErased
            : due.Contains(c.Id) ? CaseDisposition.EraseNow
            : !c.IsClosed ? CaseDisposition.KeepOpen
            : c.MergedIntoCaseId is not null ? CaseDisposition.KeepMerged
            : CaseDisposition.KeepRetention,
            c.IsPersonalDataErased ? c.PersonalDataErasedAt : c.ClosedAt?.AddMonths(months))).ToList();

        return new ErasurePlan(representative.Id, representative.FullName, representative.IsErased, accounts.Count, representative.Mandates.Count,
            planned, otherRoles, months);
    }

    // Carries out the plan as it stands now (not as it was shown: a case may have closed meanwhile).
    // Everything commits together or nothing does.
    public async Task<Result<ErasureReceipt>?> CarryOutAsync(Guid representativeId, Guid actorUserId, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(representativeId, cancellationToken);
        if (plan is null) return null;
        if (plan.AccountHasOtherRoles) return new Error("RepresentativeId", "Privacy.AccountHasOtherRoles");
        var organisationId = db.CurrentOrganisationId!.Value;
        var now = time.GetUtcNow();
        var erased = new List<(Guid CaseId, ErasedCounts Counts)>();

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var planned in plan.Erased)
            {
                if (await eraser.EraseAsync(organisationId, planned.Id, now, cancellationToken) is { } done) erased.Add((planned.Id, done.Counts));
            }
            var representative = await db.Representatives.Include(r => r.Mandates).SingleAsync(r => r.Id == representativeId, cancellationToken);
            representative.Anonymise(now);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var account in await AccountsAsync(organisationId, representativeId, cancellationToken, tracked: true))
                await AnonymiseAccountAsync(account, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var (caseId, counts) in erased)
            await audit.WriteAsync(new AuditRecord(AuditAction.Erasure, organisationId, actorUserId, CaseId: caseId, Detail: counts.ToDetail()), CancellationToken.None);
        var kept = plan.Kept.ToList();
        await audit.WriteAsync(new AuditRecord(AuditAction.Erasure, organisationId, actorUserId, Target: $"representative:{representativeId}",
            Detail: $"accounts={plan.Accounts}; mandates={plan.Mandates}; cases_erased={erased.Count}; cases_kept={kept.Count}"), CancellationToken.None);
        return Result<ErasureReceipt>.Ok(new ErasureReceipt(representativeId, now, plan.Accounts, plan.Mandates,
            plan.Erased.Where(c => erased.Any(e => e.CaseId == c.Id)).Select(c => c.Reference).ToList(), kept,
            plan.Cases.Where(c => c.Disposition == CaseDisposition.AlreadyErased).Select(c => c.Reference).ToList()));
    }

    private Task<List<User>> AccountsAsync(Guid organisationId, Guid representativeId, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Users.Where(u => u.OrganisationId == organisationId && u.RepresentativeId == representativeId);
        return (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
    }

    // The account stays as a row (reports and messages point at it) but says nothing about the person
    // and can never sign in again: neutral name and a unique address that cannot receive mail (the
    // store requires unique e-mail), no password, phone, two-factor secrets, passkeys, tokens or sessions.
    private async Task AnonymiseAccountAsync(User user, CancellationToken cancellationToken)
    {
        var address = $"raderad-{user.Id:N}@raderad.invalid";
        user.Email = user.UserName = address;
        user.NormalizedEmail = users.NormalizeEmail(address);
        user.NormalizedUserName = users.NormalizeName(address);
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.DisplayName = ErasedDisplayName;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.RepresentativeId = null;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.UserPasskeys.Where(p => p.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.UserSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded) throw new InvalidOperationException("Identity refused the anonymised account: " + string.Join("; ", updated.Errors.Select(e => e.Code)));
    }
}
