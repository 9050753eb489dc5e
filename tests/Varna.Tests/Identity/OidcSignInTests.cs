using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Varna.Tests.Account;

namespace Varna.Tests.Identity;

public sealed class OidcSignInTests(OidcFactory factory) : IClassFixture<OidcFactory>
{
    private async Task<User> AccountAsync(string role = Roles.SecurityOfficer, string? email = null)
    {
        var organisationId = await factory.CreateOrganisationAsync("Oidc kommun " + Guid.NewGuid().ToString("N")[..6]);
        return await factory.CreateAccountAsync(email ?? $"oidc-{Guid.NewGuid():N}@kommun.test", role, organisationId,
            AccountTestSupport.Password, "Olga Oidcsson");
    }

    private Task<(HttpClient Client, string Location)> SignInThroughProviderAsync(OidcTestUser person) =>
        OidcFlow.SignInThroughProviderAsync(factory, person);

    private Task<int> UserCountAsync() => factory.WithDbAsync(null, db => db.Users.CountAsync());

    private Task<List<string>> LoginKeysAsync(Guid userId) =>
        factory.WithDbAsync(null, db => db.UserLogins.Where(l => l.UserId == userId).Select(l => l.ProviderKey).ToListAsync());

    private static async Task<string> MessageAsync(HttpClient client, string location) =>
        (await client.GetPageAsync(location)).QuerySelector(".error-summary")!.TextContent;

    [Fact]
    public async Task Known_email_signs_in_to_that_account_and_the_page_shows_the_person()
    {
        var user = await AccountAsync();
        var subject = Guid.NewGuid().ToString("N");

        var (client, location) = await SignInThroughProviderAsync(new OidcTestUser(subject, user.Email));

        Assert.Equal("/", location);
        var account = await client.GetPageAsync("/konto");
        Assert.Contains("Olga Oidcsson", account.QuerySelector("main")!.TextContent);
        Assert.Equal([subject], await LoginKeysAsync(user.Id));
        Assert.True(factory.Provider.TokensIssued > 0);
        // The link between the provider's identity and the account is in the audit log.
        Assert.Equal(1, await factory.WithDbAsync(null, db => db.AuditEntries
            .CountAsync(e => e.ActorUserId == user.Id && e.Action == Varna.Features.Audit.AuditAction.ExternalLoginLinked)));
    }

    [Fact]
    public async Task Provider_trusted_for_two_factors_lets_an_officer_in_without_totp_but_a_password_does_not()
    {
        var user = await AccountAsync(Roles.SecurityOfficer);

        var (client, _) = await SignInThroughProviderAsync(new OidcTestUser(Guid.NewGuid().ToString("N"), user.Email));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var (passwordClient, _) = await factory.StartSignInAsync(user.Email!);
        var response = await passwordClient.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/tvastegsverifiering?krav=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_person_gets_a_clear_message_and_no_account_is_created()
    {
        var before = await UserCountAsync();

        var (client, location) = await SignInThroughProviderAsync(new OidcTestUser(Guid.NewGuid().ToString("N"), "okand.person@kommun.test"));

        Assert.Equal("/konto/logga-in?extern=okand", location);
        Assert.Contains("ingen aktiv användare i Värna", await MessageAsync(client, location));
        Assert.Equal(before, await UserCountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Unverified_email_is_not_used_to_find_the_account()
    {
        var user = await AccountAsync();

        var (_, location) = await SignInThroughProviderAsync(new OidcTestUser(Guid.NewGuid().ToString("N"), user.Email, EmailVerified: false));

        Assert.Equal("/konto/logga-in?extern=okand", location);
        Assert.Empty(await LoginKeysAsync(user.Id));
    }

    [Fact]
    public async Task Second_sign_in_finds_the_account_by_subject_even_when_the_email_has_changed()
    {
        var user = await AccountAsync(Roles.Analyst);
        var subject = Guid.NewGuid().ToString("N");
        await SignInThroughProviderAsync(new OidcTestUser(subject, user.Email));

        var (client, location) = await SignInThroughProviderAsync(new OidcTestUser(subject, "nytt.namn@annanstans.test"));

        Assert.Equal("/", location);
        Assert.Contains("Olga Oidcsson", (await client.GetPageAsync("/konto")).QuerySelector("main")!.TextContent);
        Assert.Equal([subject], await LoginKeysAsync(user.Id));
    }

    [Fact]
    public async Task Another_subject_with_the_same_email_is_not_tied_to_an_account_already_linked()
    {
        var user = await AccountAsync(Roles.Analyst);
        var first = Guid.NewGuid().ToString("N");
        await SignInThroughProviderAsync(new OidcTestUser(first, user.Email));

        var (client, location) = await SignInThroughProviderAsync(new OidcTestUser(Guid.NewGuid().ToString("N"), user.Email));

        Assert.Equal("/konto/logga-in?extern=annan-identitet", location);
        Assert.Contains("redan kopplat till en annan identitet", await MessageAsync(client, location));
        Assert.Equal([first], await LoginKeysAsync(user.Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Deactivated_account_is_refused(bool linkedBefore)
    {
        var user = await AccountAsync(Roles.Analyst);
        var subject = Guid.NewGuid().ToString("N");
        if (linkedBefore) await SignInThroughProviderAsync(new OidcTestUser(subject, user.Email));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id.ToString()))!, DateTimeOffset.MaxValue);
        }

        var (client, location) = await SignInThroughProviderAsync(new OidcTestUser(subject, user.Email));

        Assert.Equal("/konto/logga-in?extern=avstangd", location);
        Assert.Contains("avstängt", await MessageAsync(client, location));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Person_who_cancels_at_the_provider_is_back_on_the_sign_in_page_with_a_message()
    {
        factory.Provider.NextUser = null;
        var client = factory.CreatePageClient();
        var login = await client.GetPageAsync("/konto/logga-in");
        var challenge = await client.GetAsync(login.QuerySelector("#external-sign-in a")!.GetAttribute("href"));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var denied = await browser.GetAsync(challenge.Headers.Location);

        var back = await client.GetAsync(denied.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/konto/logga-in?extern=misslyckades", back.Headers.Location!.OriginalString);
        Assert.Contains("avbröts eller misslyckades", await MessageAsync(client, back.Headers.Location!.OriginalString));
    }
}

public sealed class OidcNotConfiguredTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Without_configuration_the_sign_in_page_offers_no_provider()
    {
        var login = await factory.CreatePageClient().GetPageAsync("/konto/logga-in");

        Assert.Null(login.QuerySelector("#external-sign-in"));
    }
}
