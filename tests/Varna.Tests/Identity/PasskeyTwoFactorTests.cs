using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Varna.Tests.Account;

namespace Varna.Tests.Identity;

// Demo mode off: a passkey is multi-factor, so an officer who signed in with one is not sent to set
// up TOTP; the same officer signing in with only a password is.
public sealed class PasskeyTwoFactorTests(ProductionLikeFactory factory) : IClassFixture<ProductionLikeFactory>
{
    [Fact]
    public async Task Officer_signed_in_with_a_passkey_meets_the_two_factor_requirement_without_totp()
    {
        var organisationId = await factory.CreateOrganisationAsync("Nyckelkommun " + Guid.NewGuid().ToString("N")[..6]);
        var email = await factory.CreateUserAsync(Roles.SecurityOfficer, organisationId);
        var client = await factory.SignedInAsync(email, AccountTestSupport.Password);
        await client.SetUpTwoFactorAsync();
        using var authenticator = new SoftwareAuthenticator();
        Assert.Equal(HttpStatusCode.Redirect, (await client.AddPasskeyAsync(authenticator, "Säkerhetsnyckel")).StatusCode);
        // TOTP is later reset (lost phone): the passkey alone must still be enough.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByEmailAsync(email))!, false);
        }

        var browser = factory.CreatePageClient();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInWithPasskeyAsync(authenticator)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        var (passwordOnly, _) = await factory.StartSignInAsync(email);
        var gated = await passwordOnly.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
        Assert.Equal("/konto/tvastegsverifiering?krav=1", gated.Headers.Location!.OriginalString);
    }
}
