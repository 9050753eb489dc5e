namespace Varna.Tests.Account;

public sealed class ChangePasswordTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private const string NewPassword = "Nytt-Lösenord-77";

    private async Task<(string Email, HttpClient Client)> SignedInNewUserAsync()
    {
        var email = await factory.CreateUserAsync(Roles.Analyst, await factory.DemoOrganisationIdAsync());
        return (email, await factory.SignedInAsync(email, AccountTestSupport.Password));
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string confirm) =>
        client.SubmitFormAsync("/konto/losenord", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.Confirm"] = confirm,
        });

    private async Task<bool> CanSignInAsync(string email, string password)
    {
        var response = await factory.CreatePageClient().SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    [Fact]
    public async Task Wrong_current_password_is_shown_on_that_field_and_the_password_stays_unchanged()
    {
        var (email, client) = await SignedInNewUserAsync();

        var response = await ChangeAsync(client, "Inte-mitt-losen-1", NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("Det nuvarande lösenordet stämmer inte.", page.FieldErrors("Input.CurrentPassword"));
        Assert.True(await CanSignInAsync(email, AccountTestSupport.Password));
        Assert.False(await CanSignInAsync(email, NewPassword));
    }

    [Fact]
    public async Task Changed_password_signs_in_and_the_old_one_no_longer_does()
    {
        var (email, client) = await SignedInNewUserAsync();

        var response = await ChangeAsync(client, AccountTestSupport.Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/losenord", response.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/konto/losenord");
        Assert.Equal("Ditt lösenord är bytt.", page.QuerySelector("p.notice[role=status]")!.TextContent.Trim());
        Assert.True(await CanSignInAsync(email, NewPassword));
        Assert.False(await CanSignInAsync(email, AccountTestSupport.Password));
    }

    [Fact]
    public async Task Session_that_changed_the_password_stays_signed_in()
    {
        var (_, client) = await SignedInNewUserAsync();
        await ChangeAsync(client, AccountTestSupport.Password, NewPassword, NewPassword);

        var account = await client.GetPageAsync("/konto");
        Assert.Equal("Mitt konto", account.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Too_weak_new_password_gets_the_rules_in_Swedish_on_the_new_password_field()
    {
        var (email, client) = await SignedInNewUserAsync();

        var page = await (await ChangeAsync(client, AccountTestSupport.Password, "kort", "kort")).ReadPageAsync();

        Assert.Contains("Lösenordet måste ha minst 10 tecken.", page.FieldErrors("Input.NewPassword"));
        Assert.Contains("Lösenordet måste innehålla en stor bokstav.", page.QuerySelector(".error-summary")!.TextContent);
        Assert.True(await CanSignInAsync(email, AccountTestSupport.Password));
    }

    [Fact]
    public async Task Repeated_password_that_differs_is_refused_on_the_repeat_field()
    {
        var (email, client) = await SignedInNewUserAsync();

        var page = await (await ChangeAsync(client, AccountTestSupport.Password, NewPassword, NewPassword + "x")).ReadPageAsync();

        Assert.Contains("Lösenorden är inte lika.", page.FieldErrors("Input.Confirm"));
        Assert.False(await CanSignInAsync(email, NewPassword));
    }
}
