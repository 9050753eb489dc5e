using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Varna.Tests.Account;

namespace Varna.Tests.Identity;

public sealed class OneFactorOidcSignInTests(OneFactorOidcFactory factory) : IClassFixture<OneFactorOidcFactory>
{
    private async Task<(string Email, HttpClient Client)> OfficerAsync()
    {
        var organisationId = await factory.CreateOrganisationAsync("Enfaktorkommun " + Guid.NewGuid().ToString("N")[..6]);
        var email = await factory.CreateUserAsync(Roles.SecurityOfficer, organisationId);
        return (email, await factory.SignedInAsync(email, AccountTestSupport.Password));
    }

    [Fact]
    public async Task Officer_with_totp_gives_the_code_after_the_provider()
    {
        var (email, client) = await OfficerAsync();
        var (key, _) = await client.SetUpTwoFactorAsync();

        var (browser, location) = await OidcFlow.SignInThroughProviderAsync(factory, new OidcTestUser(Guid.NewGuid().ToString("N"), email));

        Assert.StartsWith("/konto/logga-in/tvastegs", location);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        var response = await browser.SubmitFormAsync(location, new Dictionary<string, string> { ["Input.Code"] = AccountTestSupport.PhoneCode(key) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Officer_without_totp_is_sent_to_set_it_up()
    {
        var organisationId = await factory.CreateOrganisationAsync("Enfaktorkommun " + Guid.NewGuid().ToString("N")[..6]);
        var email = await factory.CreateUserAsync(Roles.SecurityOfficer, organisationId);

        var (browser, location) = await OidcFlow.SignInThroughProviderAsync(factory, new OidcTestUser(Guid.NewGuid().ToString("N"), email));

        Assert.Equal("/", location);
        var response = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/tvastegsverifiering?krav=1", response.Headers.Location!.OriginalString);
    }
}
