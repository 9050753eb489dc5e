namespace Varna.Tests.Users;

public sealed class InvitationTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Invite_creates_the_account_with_its_roles_and_mails_one_set_password_link()
    {
        const string email = "nina.ny@demo.varna.se";
        var admin = await factory.SignedInAsync(Demo.Admin);

        var response = await admin.InviteAsync(email, "Nina Ny", Roles.SecurityOfficer, Roles.Analyst);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await factory.FindUserAsync(email);
        Assert.NotNull(user);
        Assert.Equal($"/admin/anvandare/{user.Id}", response.Headers.Location!.ToString());
        Assert.Equal(await factory.OrganisationIdAsync("Demo kommun"), user.OrganisationId);
        Assert.Null(user.PasswordHash);
        Assert.Equal([Roles.Analyst, Roles.SecurityOfficer], (await factory.RolesOfAsync(email)).Order());

        var page = await admin.GetPageAsync(response.Headers.Location.ToString());
        Assert.Equal($"Inbjudan skickad till {email}.", page.QuerySelector("p.notice[role=status]")!.TextContent.Trim());
        Assert.Contains("Inbjuden", page.QuerySelector("main")!.TextContent);

        var mail = Assert.Single(factory.MailsTo(email));
        Assert.StartsWith("http://localhost/konto/valj-losenord?", UserTestKit.InvitationLink(mail));
        Assert.Contains("Demo kommun", mail);
    }

    [Fact]
    public async Task Invitation_link_lets_the_person_choose_a_password_and_sign_in_but_works_only_once()
    {
        const string email = "olle.once@demo.varna.se";
        var admin = await factory.SignedInAsync(Demo.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.InviteAsync(email, "Olle Once", Roles.Analyst)).StatusCode);
        var link = UserTestKit.InvitationLink(Assert.Single(factory.MailsTo(email)));

        var person = factory.CreatePageClient();
        var chosen = await person.SubmitFormAsync(link, new Dictionary<string, string>
            { ["Input.Password"] = UserTestKit.Password, ["Input.Confirm"] = UserTestKit.Password });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.StartsWith("/konto/logga-in", chosen.Headers.Location!.ToString());

        var signedIn = await factory.SignedInAsync(email, UserTestKit.Password);
        Assert.Contains("Olle Once", (await signedIn.GetPageAsync("/")).QuerySelector("h1")!.TextContent);

        var again = await factory.CreatePageClient().GetPageAsync(link);
        Assert.Contains("Länken är ogiltig", again.QuerySelector("[role=alert]")!.TextContent);
        Assert.Null(again.QuerySelector("input[name='Input.Password']"));
    }

    [Theory]
    [InlineData(Demo.Analyst)]
    [InlineData(Demo.RegionOfficer)]
    public async Task Existing_email_is_a_field_error_and_no_second_account_is_made(string existing)
    {
        var admin = await factory.SignedInAsync(Demo.Admin);
        var before = await factory.FindUserAsync(existing);

        var response = await admin.InviteAsync(existing.ToUpperInvariant(), "Dubbel Dubbelsson", Roles.Analyst);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(["Det finns redan ett konto med den e-postadressen."], page.FieldErrors("Input.Email"));
        // Nothing about the other account is revealed; the typed name is kept.
        Assert.DoesNotContain(before!.DisplayName, page.QuerySelector("main")!.TextContent);
        Assert.Equal("Dubbel Dubbelsson", page.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value"));
        var after = await factory.FindUserAsync(existing);
        Assert.Equal(before.Id, after!.Id);
        Assert.Equal(before.DisplayName, after.DisplayName);
        Assert.Empty(factory.MailsTo(existing));
    }

    [Fact]
    public async Task Invite_without_a_role_is_a_field_error_and_creates_nothing()
    {
        const string email = "utan.roll@demo.varna.se";
        var admin = await factory.SignedInAsync(Demo.Admin);

        var response = await admin.InviteAsync(email, "Utan Roll");

        var page = await response.ReadPageAsync();
        Assert.Equal(["Välj minst en roll."], page.FieldErrors("Input.Roles"));
        Assert.Equal(email, page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.Null(await factory.FindUserAsync(email));
        Assert.Empty(factory.MailsTo(email));
    }

    [Fact]
    public async Task Forged_network_coordinator_role_is_rejected_on_invite_and_on_edit()
    {
        const string email = "smygaren@demo.varna.se";
        var admin = await factory.SignedInAsync(Demo.Admin);

        var invite = await (await admin.InviteAsync(email, "Smyg Smygsson", Roles.Analyst, Roles.NetworkCoordinator)).ReadPageAsync();
        Assert.Contains("Rollen kan inte delas ut", Assert.Single(invite.FieldErrors("Input.Roles")));
        Assert.Null(await factory.FindUserAsync(email));

        var analyst = await factory.FindUserAsync(Demo.Analyst);
        var edit = await admin.EditAsync(analyst!.Id, "Alva Analys", Roles.NetworkCoordinator);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("Rollen kan inte delas ut", Assert.Single((await edit.ReadPageAsync()).FieldErrors("Input.Roles")));
        Assert.Equal([Roles.Analyst], await factory.RolesOfAsync(Demo.Analyst));
    }

    [Fact]
    public async Task Invite_with_a_representative_already_linked_to_an_account_is_a_field_error()
    {
        const string email = "tvilling@demo.varna.se";
        var admin = await factory.SignedInAsync(Demo.Admin);
        var linked = (await factory.FindUserAsync(Demo.Representative))!.RepresentativeId!.Value;

        var page = await (await admin.PostAsync("/admin/anvandare/ny", "/admin/anvandare/ny",
        [
            new("Input.Email", email), new("Input.DisplayName", "Tvilling"), new("Input.Roles", Roles.Representative),
            new("Input.RepresentativeId", linked.ToString()),
        ])).ReadPageAsync();

        Assert.Equal(["Den förtroendevalda är redan kopplad till ett annat konto."], page.FieldErrors("Input.RepresentativeId"));
        Assert.Null(await factory.FindUserAsync(email));
        // The form does not even offer a representative who already has an account.
        Assert.Null(page.QuerySelector($"select[name='Input.RepresentativeId'] option[value='{linked}']"));
    }

    [Fact]
    public async Task Resending_an_invitation_voids_the_earlier_link()
    {
        const string email = "glomsk@demo.varna.se";
        var admin = await factory.SignedInAsync(Demo.Admin);
        var id = (await admin.InviteAsync(email, "Glömsk Glömsson", Roles.Analyst)).Headers.Location!.ToString();

        var resent = await admin.SubmitFormAsync(id, new Dictionary<string, string>(), "form[action*='handler=ResendInvitation']");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);

        var mails = factory.MailsTo(email);
        Assert.Equal(2, mails.Length);
        var links = mails.Select(UserTestKit.InvitationLink).ToList();
        var person = factory.CreatePageClient();
        var pages = await Task.WhenAll(links.Select(l => person.GetPageAsync(l)));
        Assert.Single(pages, p => p.QuerySelector("input[name='Input.Password']") is not null);
        Assert.Single(pages, p => p.QuerySelector("[role=alert]")?.TextContent.Contains("Länken är ogiltig") == true);
    }
}
