using Varna.Features.Users;

namespace Varna.Tests.Users;

// A factory of its own: the test counts the organisation's admins, which other tests would change.
public sealed class LastAdminTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Organisation_keeps_one_active_admin_even_when_a_demoted_admins_session_lingers()
    {
        const string second = "andra.admin@demo.varna.se";
        var secondId = await factory.CreateUserAsync(second, "Demo kommun", Roles.OrgAdmin);
        var first = (await factory.FindUserAsync(Demo.Admin))!;
        var secondAdmin = await factory.SignedInAsync(second, UserTestKit.Password);
        var firstAdmin = await factory.SignedInAsync(Demo.Admin);

        // The first admin demotes the second; the second's cookie still says OrgAdmin for up to a minute.
        Assert.Equal(HttpStatusCode.Redirect, (await firstAdmin.EditAsync(secondId, "Andra Admin", Roles.Analyst)).StatusCode);

        var demote = await secondAdmin.EditAsync(first.Id, "Adam Admin", Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Contains("minst en aktiv administratör", Assert.Single((await demote.ReadPageAsync()).FieldErrors("Input.Roles")));

        var deactivate = await secondAdmin.PostAsync("/admin/anvandare/ny", $"/admin/anvandare/{first.Id}?handler=Deactivate", []);
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Contains("minst en aktiv administratör", (await deactivate.ReadPageAsync()).QuerySelector(".error-summary")!.TextContent);

        Assert.Equal([Roles.OrgAdmin], await factory.RolesOfAsync(Demo.Admin));
        Assert.False((await factory.FindUserAsync(Demo.Admin))!.IsDeactivated);
    }

    [Theory]
    [InlineData(true, 3, "Users.CannotRemoveOwnAdmin")]
    [InlineData(false, 0, "Users.LastAdmin")]
    [InlineData(false, 1, null)]
    public void Removing_the_admin_role_is_checked_against_self_and_the_last_admin(bool isSelf, int otherAdmins, string? expected)
    {
        var errors = AccountRules.CheckRoleChange(isSelf, wasAdmin: true, staysAdmin: false, otherAdmins, targetActive: true);
        Assert.Equal(expected, errors.SingleOrDefault()?.MessageKey);
    }
}
