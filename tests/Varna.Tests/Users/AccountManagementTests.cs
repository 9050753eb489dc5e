namespace Varna.Tests.Users;

public sealed class AccountManagementTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task List_shows_each_account_with_roles_status_and_linked_representative()
    {
        await factory.CreateUserAsync("inbjuden@demo.varna.se", "Demo kommun", Roles.Analyst, password: null);
        var admin = await factory.SignedInAsync(Demo.Admin);

        var page = await admin.GetPageAsync("/admin/anvandare");

        var rows = page.QuerySelectorAll("table tbody tr").ToDictionary(r => r.Children[1].TextContent.Trim(), r => r.Children.Select(c => c.TextContent.Trim()).ToArray());
        Assert.Equal("Administratör", rows[Demo.Admin][2]);
        Assert.Equal("Aktiv", rows[Demo.Admin][3]);
        Assert.Equal("Av", rows[Demo.Admin][4]);
        Assert.Equal("Inbjuden, har inte valt lösenord", rows["inbjuden@demo.varna.se"][3]);
        Assert.NotEqual("–", rows[Demo.Representative][5]);
        Assert.Equal("Förtroendevald", rows[Demo.Representative][2]);
        Assert.NotNull(page.QuerySelector("a[href='/admin/anvandare/ny']"));
    }

    [Fact]
    public async Task Changing_roles_is_saved_and_ends_the_persons_sessions()
    {
        var id = await factory.CreateUserAsync("rollbyte@demo.varna.se", "Demo kommun", Roles.Analyst);
        var stampBefore = (await factory.FindUserAsync("rollbyte@demo.varna.se"))!.SecurityStamp;
        var admin = await factory.SignedInAsync(Demo.Admin);

        var response = await admin.EditAsync(id, "Rolf Rollbyte", Roles.SecurityOfficer, Roles.Analyst);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Analyst, Roles.SecurityOfficer], (await factory.RolesOfAsync("rollbyte@demo.varna.se")).Order());
        var after = (await factory.FindUserAsync("rollbyte@demo.varna.se"))!;
        Assert.Equal("Rolf Rollbyte", after.DisplayName);
        Assert.NotEqual(stampBefore, after.SecurityStamp);
        var page = await admin.GetPageAsync($"/admin/anvandare/{id}");
        Assert.Contains("Ändringarna är sparade", page.QuerySelector("p.notice[role=status]")!.TextContent);
    }

    [Fact]
    public async Task Admin_cannot_remove_their_own_admin_role()
    {
        var admin = await factory.SignedInAsync(Demo.Admin);
        var self = (await factory.FindUserAsync(Demo.Admin))!;

        var response = await admin.EditAsync(self.Id, "Adam Admin", Roles.SecurityOfficer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Du kan inte ta bort din egen administratörsroll. Be en annan administratör om det behövs."],
            (await response.ReadPageAsync()).FieldErrors("Input.Roles"));
        Assert.Equal([Roles.OrgAdmin], await factory.RolesOfAsync(Demo.Admin));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/anvandare")).StatusCode);
    }

    [Fact]
    public async Task Admin_cannot_deactivate_themselves()
    {
        var admin = await factory.SignedInAsync(Demo.Admin);
        var self = (await factory.FindUserAsync(Demo.Admin))!;
        var url = $"/admin/anvandare/{self.Id}";
        Assert.Null((await admin.GetPageAsync(url)).QuerySelector("form[action*='handler=Deactivate']"));

        var response = await admin.PostAsync(url, url + "?handler=Deactivate", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Du kan inte inaktivera ditt eget konto.", (await response.ReadPageAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.False((await factory.FindUserAsync(Demo.Admin))!.IsDeactivated);
    }

    [Fact]
    public async Task Deactivated_user_cannot_sign_in_until_reactivated()
    {
        const string email = "slutat@demo.varna.se";
        var id = await factory.CreateUserAsync(email, "Demo kommun", Roles.Analyst);
        var admin = await factory.SignedInAsync(Demo.Admin);
        var url = $"/admin/anvandare/{id}";

        var deactivated = await admin.SubmitFormAsync(url, new Dictionary<string, string>(), "form[action*='handler=Deactivate']");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var row = (await admin.GetPageAsync("/admin/anvandare")).QuerySelectorAll("table tbody tr").Single(r => r.TextContent.Contains(email));
        Assert.Equal("Inaktiverad", row.Children[3].TextContent.Trim());
        Assert.True((await factory.FindUserAsync(email))!.IsDeactivated);

        var login = await factory.CreatePageClient().SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
            { ["Input.Email"] = email, ["Input.Password"] = UserTestKit.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Inloggningen misslyckades", (await login.ReadPageAsync()).QuerySelector(".error-summary")!.TextContent);

        var reactivated = await admin.SubmitFormAsync(url, new Dictionary<string, string>(), "form[action*='handler=Reactivate']");
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        await factory.SignedInAsync(email, UserTestKit.Password);
    }

    [Fact]
    public async Task Reset_of_two_factor_turns_it_off_and_replaces_the_authenticator_key()
    {
        const string email = "tappade.telefonen@demo.varna.se";
        var id = await factory.CreateUserAsync(email, "Demo kommun", Roles.SecurityOfficer);
        var keyBefore = await factory.WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return await users.GetAuthenticatorKeyAsync(user);
        });
        var admin = await factory.SignedInAsync(Demo.Admin);

        var response = await admin.SubmitFormAsync($"/admin/anvandare/{id}", new Dictionary<string, string>(), "form[action*='handler=ResetTwoFactor']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (enabled, keyAfter) = await factory.WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(id.ToString()))!;
            return (user.TwoFactorEnabled, await users.GetAuthenticatorKeyAsync(user));
        });
        Assert.False(enabled);
        Assert.NotEqual(keyBefore, keyAfter);
        var page = await admin.GetPageAsync($"/admin/anvandare/{id}");
        Assert.Null(page.QuerySelector("form[action*='handler=ResetTwoFactor']"));
    }
}
