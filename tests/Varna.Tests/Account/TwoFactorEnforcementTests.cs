namespace Varna.Tests.Account;

// Demo mode off: the officer roles must have TOTP before they can use anything.
public sealed class TwoFactorEnforcementTests(ProductionLikeFactory factory) : IClassFixture<ProductionLikeFactory>
{
    private const string SetupUrl = "/konto/tvastegsverifiering?krav=1";

    private async Task<(string Email, HttpClient Client)> SignedInNewUserAsync(string role)
    {
        var organisationId = await factory.CreateOrganisationAsync("Testkommun " + Guid.NewGuid().ToString("N")[..6]);
        var email = await factory.CreateUserAsync(role, organisationId);
        return (email, await factory.SignedInAsync(email, AccountTestSupport.Password));
    }

    [Fact]
    public async Task Security_officer_without_two_factor_is_sent_to_set_it_up_from_every_page()
    {
        var (_, client) = await SignedInNewUserAsync(Roles.SecurityOfficer);

        foreach (var url in new[] { "/", "/konto", "/konto/api-nycklar", "/konto/losenord" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(SetupUrl, response.Headers.Location!.OriginalString);
        }
        var setup = await client.GetPageAsync(SetupUrl);
        Assert.Contains("Din roll kräver tvåstegsverifiering", setup.QuerySelector("#two-factor-required")!.TextContent);
    }

    [Fact]
    public async Task Security_officer_reaches_the_start_page_once_two_factor_is_set_up()
    {
        var (email, client) = await SignedInNewUserAsync(Roles.SecurityOfficer);

        await client.SetUpTwoFactorAsync();

        var start = await client.GetPageAsync("/");
        Assert.Contains("Välkommen", start.QuerySelector("h1")!.TextContent);
        Assert.True((await factory.FindUserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Representative_is_not_forced_to_set_up_two_factor()
    {
        var (_, client) = await SignedInNewUserAsync(Roles.Representative);

        var start = await client.GetPageAsync("/");

        Assert.Contains("Välkommen", start.QuerySelector("h1")!.TextContent);
        var setup = await client.GetPageAsync("/konto/tvastegsverifiering");
        Assert.Null(setup.QuerySelector("#two-factor-required"));
    }

    [Fact]
    public async Task Security_officer_cannot_turn_two_factor_off()
    {
        var (email, client) = await SignedInNewUserAsync(Roles.SecurityOfficer);
        await client.SetUpTwoFactorAsync();
        var page = await client.GetPageAsync("/konto/tvastegsverifiering");
        Assert.Null(page.QuerySelector("#disable-form"));

        // Posted directly, as a crafted request would be.
        var response = await client.PostAsync("/konto/tvastegsverifiering?handler=Disable", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = page.AntiforgeryToken() }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await response.ReadPageAsync();
        Assert.Contains("kan inte stängas av eftersom din roll kräver den", refused.QuerySelector(".error-summary")!.TextContent);
        Assert.True((await factory.FindUserAsync(email)).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Security_officer_signing_in_again_must_give_the_code()
    {
        var (email, client) = await SignedInNewUserAsync(Roles.SecurityOfficer);
        var (key, _) = await client.SetUpTwoFactorAsync();

        var (next, location) = await factory.StartSignInAsync(email);
        Assert.StartsWith("/konto/logga-in/tvastegs", location);
        var response = await next.SubmitFormAsync(location, new Dictionary<string, string> { ["Input.Code"] = AccountTestSupport.PhoneCode(key) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/")).StatusCode);
    }
}
