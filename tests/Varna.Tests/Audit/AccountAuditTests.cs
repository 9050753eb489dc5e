using Varna.Features.Audit;
using Varna.Tests.Account;
using Varna.Tests.Users;

namespace Varna.Tests.Audit;

// Sign-ins, failed sign-ins, sign-outs, second-factor changes and role changes each leave one line
// saying who, what, which organisation and when.
public sealed class AccountAuditTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private async Task<(string Email, Guid Id, Guid Org)> AccountAsync(string role = Roles.Representative)
    {
        var org = await factory.DemoOrganisationIdAsync();
        var email = await factory.CreateUserAsync(role, org);
        return (email, await factory.UserIdAsync(email), org);
    }

    [Fact]
    public async Task Sign_in_is_logged_with_the_account_and_its_organisation()
    {
        var (email, id, org) = await AccountAsync();

        await factory.SignedInAsync(email, AccountTestSupport.Password);

        var line = Assert.Single(await factory.AuditAsync(e => e.ActorUserId == id && e.Action == AuditAction.SignIn));
        Assert.Equal(org, line.OrganisationId);
        Assert.Equal(org, line.Chain);
        Assert.Equal(email, line.ActorName);
    }

    [Fact]
    public async Task Failed_sign_in_is_logged_with_the_address_as_typed()
    {
        var (email, id, org) = await AccountAsync();
        var typed = email.ToUpperInvariant();

        var response = await factory.CreatePageClient().SubmitFormAsync("/konto/logga-in",
            new Dictionary<string, string> { ["Input.Email"] = typed, ["Input.Password"] = "fel-losenord-123" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single(await factory.AuditAsync(e => e.ActorUserId == id && e.Action == AuditAction.SignInFailed));
        Assert.Equal(typed, line.ActorName);
        Assert.Equal(org, line.OrganisationId);
        Assert.Equal("password:failed", line.Detail);
    }

    [Fact]
    public async Task Failed_sign_in_with_an_unknown_address_goes_to_the_chain_of_no_organisation()
    {
        var typed = $"finns-inte-{Guid.NewGuid():N}@example.se";

        await factory.CreatePageClient().SubmitFormAsync("/konto/logga-in",
            new Dictionary<string, string> { ["Input.Email"] = typed, ["Input.Password"] = "vad-som-helst-123" });

        var line = Assert.Single(await factory.AuditAsync(e => e.ActorName == typed));
        Assert.Equal(AuditAction.SignInFailed, line.Action);
        Assert.Equal(Guid.Empty, line.Chain);
        Assert.Null(line.OrganisationId);
        Assert.Null(line.ActorUserId);
    }

    [Fact]
    public async Task Sign_out_is_logged()
    {
        var (email, id, _) = await AccountAsync();
        var client = await factory.SignedInAsync(email, AccountTestSupport.Password);

        var response = await client.SubmitFormAsync("/konto/logga-ut", new Dictionary<string, string>(), "main form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(await factory.AuditAsync(e => e.ActorUserId == id && e.Action == AuditAction.SignOut));
    }

    [Fact]
    public async Task Two_factor_set_up_and_new_recovery_codes_are_logged_and_a_wrong_code_at_sign_in_is_a_failed_sign_in()
    {
        var (email, id, _) = await AccountAsync(Roles.SecurityOfficer);
        var client = await factory.SignedInAsync(email, AccountTestSupport.Password);

        var (key, _) = await client.SetUpTwoFactorAsync();
        await client.SubmitFormAsync("/konto/tvastegsverifiering", new Dictionary<string, string>(), "#recovery-form");
        var (next, location) = await factory.StartSignInAsync(email);
        await next.SubmitFormAsync(location, new Dictionary<string, string> { ["Input.Code"] = AccountTestSupport.WrongCode(key) });
        var signedIn = await next.SubmitFormAsync(location, new Dictionary<string, string> { ["Input.Code"] = AccountTestSupport.PhoneCode(key) });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var lines = await factory.AuditAsync(e => e.ActorUserId == id);
        Assert.Equal(["totp_enabled", "recovery_codes_regenerated"],
            lines.Where(l => l.Action == AuditAction.TwoFactorChanged).Select(l => l.Detail));
        Assert.Equal("totp:failed", Assert.Single(lines, l => l.Action == AuditAction.SignInFailed).Detail);
        // The cookie re-issued after setting up 2FA is no new sign-in: only the two real ones count.
        Assert.Equal(2, lines.Count(l => l.Action == AuditAction.SignIn));
    }

    [Fact]
    public async Task Role_change_and_deactivation_by_the_admin_are_logged_with_the_account_changed()
    {
        var (email, id, org) = await AccountAsync(Roles.Analyst);
        var admin = await factory.SignedInAsync(Demo.Admin);
        var adminId = await factory.UserIdAsync(Demo.Admin);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.EditAsync(id, "Rolf Rollbyte", Roles.SecurityOfficer, Roles.Analyst)).StatusCode);
        await admin.SubmitFormAsync($"/admin/anvandare/{id}", new Dictionary<string, string>(), "form[action*='handler=Deactivate']");

        var lines = await factory.AuditAsync(e => e.Target == "user:" + id);
        var change = Assert.Single(lines, l => l.Action == AuditAction.RoleChanged);
        Assert.Equal(adminId, change.ActorUserId);
        Assert.Equal(org, change.OrganisationId);
        Assert.Equal($"{email}: Analyst -> Analyst, SecurityOfficer", change.Detail);
        Assert.Single(lines, l => l.Action == AuditAction.AccountDeactivated && l.ActorUserId == adminId);
    }
}
