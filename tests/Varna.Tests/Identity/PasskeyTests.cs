using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Varna.Tests.Account;

namespace Varna.Tests.Identity;

public sealed class PasskeyTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private async Task<(User User, HttpClient Client)> SignedInNewAsync(string role = Roles.Representative)
    {
        var user = await factory.CreateAccountAsync($"passkey-{Guid.NewGuid():N}@demo.varna.se", role,
            await factory.OrganisationIdAsync("Demo kommun"), Demo.Password, "Petra Passkeysson");
        return (user, await factory.SignedInAsync(user.Email!));
    }

    private Task<int> PasskeyCountAsync(Guid userId) => factory.WithDbAsync(null, db => db.UserPasskeys.CountAsync(p => p.UserId == userId));

    private async Task<byte[]> ArrangePasskeyAsync(Guid userId, string name)
    {
        var id = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var passkey = new UserPasskeyInfo(id, [1, 2, 3], DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [4], [5]) { Name = name };
        Assert.True((await users.AddOrUpdatePasskeyAsync((await users.FindByIdAsync(userId.ToString()))!, passkey)).Succeeded);
        return id;
    }

    [Fact]
    public async Task Creation_options_name_this_site_and_the_account_with_a_fresh_challenge()
    {
        var (user, client) = await SignedInNewAsync();

        var first = await client.OptionsAsync(PasskeyClient.PageUrl, "Options");
        var second = await client.OptionsAsync(PasskeyClient.PageUrl, "Options");

        Assert.Equal("localhost", first["rp"]!["id"]!.GetValue<string>());
        Assert.Equal(user.Email, first["user"]!["name"]!.GetValue<string>());
        Assert.Equal("Petra Passkeysson", first["user"]!["displayName"]!.GetValue<string>());
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(first["challenge"]!.GetValue<string>()).Length);
        Assert.NotEqual(first["challenge"]!.GetValue<string>(), second["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sign_in_options_name_this_site_with_a_challenge_and_need_no_account()
    {
        var options = await factory.CreatePageClient().OptionsAsync("/konto/logga-in", "PasskeyOptions");

        Assert.Equal("localhost", options["rpId"]!.GetValue<string>());
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(options["challenge"]!.GetValue<string>()).Length);
        Assert.Equal("required", options["userVerification"]!.GetValue<string>());
    }

    [Fact]
    public async Task Passkey_parts_of_the_pages_are_hidden_until_the_script_finds_support()
    {
        var (_, client) = await SignedInNewAsync();

        var login = await factory.CreatePageClient().GetPageAsync("/konto/logga-in");
        var page = await client.GetPageAsync(PasskeyClient.PageUrl);

        Assert.True(login.QuerySelector("#passkey-sign-in")!.HasAttribute("hidden"));
        Assert.NotNull(login.QuerySelector("script[src^='/js/passkeys.js']"));
        Assert.True(page.QuerySelector("#add-passkey")!.HasAttribute("hidden"));
        Assert.Contains("JavaScript", page.QuerySelector("[data-passkey-unsupported]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/js/passkeys.js")).StatusCode);
    }

    [Fact]
    public async Task Bad_attestation_gets_a_clear_error_keeps_the_name_and_stores_nothing()
    {
        var (user, client) = await SignedInNewAsync();
        await client.OptionsAsync(PasskeyClient.PageUrl, "Options");

        var response = await client.PostHandlerAsync(PasskeyClient.PageUrl, "Add", new Dictionary<string, string>
        {
            ["Add.Name"] = "Jobbtelefon",
            ["Add.Credential"] = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","attestationObject":"oA"}}""",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("kunde inte kontrolleras och sparades inte", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Jobbtelefon", ((IHtmlInputElement)page.QuerySelector("input[name='Add.Name']")!).Value);
        Assert.Equal(0, await PasskeyCountAsync(user.Id));
    }

    [Fact]
    public async Task Adding_without_an_answer_from_the_browser_says_so_and_stores_nothing()
    {
        var (user, client) = await SignedInNewAsync();

        var response = await client.PostHandlerAsync(PasskeyClient.PageUrl, "Add", new Dictionary<string, string> { ["Add.Name"] = "Jobbtelefon" });

        Assert.Contains("Ingen lösenordsnyckel kom från webbläsaren", (await response.ReadPageAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(0, await PasskeyCountAsync(user.Id));
    }

    [Fact]
    public async Task Adding_without_a_name_names_the_field_and_stores_nothing()
    {
        var (user, client) = await SignedInNewAsync();
        using var authenticator = new SoftwareAuthenticator();

        var response = await client.AddPasskeyAsync(authenticator, "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.ReadPageAsync()).FieldErrors("Add.Name"));
        Assert.Equal(0, await PasskeyCountAsync(user.Id));
    }

    [Fact]
    public async Task Passkey_made_by_a_software_authenticator_is_listed_and_signs_in()
    {
        var (user, client) = await SignedInNewAsync();
        using var authenticator = new SoftwareAuthenticator();

        var added = await client.AddPasskeyAsync(authenticator, "Testnyckel");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await client.GetPageAsync(PasskeyClient.PageUrl);
        Assert.Contains("Lösenordsnyckeln ”Testnyckel” är tillagd", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Testnyckel", page.QuerySelector("#passkey-list")!.TextContent);

        var browser = factory.CreatePageClient();
        var signedIn = await browser.SignInWithPasskeyAsync(authenticator);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Contains("Petra Passkeysson", (await browser.GetPageAsync("/konto")).QuerySelector("main")!.TextContent);
        Assert.Equal(1, await PasskeyCountAsync(user.Id));
        // Adding a way into the account is in the audit log, like a two-factor change.
        Assert.Equal(["added"], await factory.WithDbAsync(null, db => db.AuditEntries
            .Where(e => e.ActorUserId == user.Id && e.Action == Varna.Features.Audit.AuditAction.PasskeyChanged).Select(e => e.Detail!).ToListAsync()));
    }

    [Fact]
    public async Task Unregistered_passkey_does_not_sign_in_and_the_page_says_so()
    {
        using var authenticator = new SoftwareAuthenticator();
        var browser = factory.CreatePageClient();

        var response = await browser.SignInWithPasskeyAsync(authenticator);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Inloggningen med lösenordsnyckel misslyckades", (await response.ReadPageAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Passkeys_are_listed_renamed_and_removed_without_javascript()
    {
        var (user, client) = await SignedInNewAsync();
        var id = await ArrangePasskeyAsync(user.Id, "Gammal telefon");
        var row = $"tr[data-passkey-id='{Base64UrlEncoder.Encode(id)}']";

        var page = await client.GetPageAsync(PasskeyClient.PageUrl);
        Assert.Contains("Gammal telefon", page.QuerySelector(row)!.TextContent);

        var renamed = await client.PostFormAsync((IHtmlFormElement)page.QuerySelector($"{row} form.rename-form")!, PasskeyClient.PageUrl,
            new Dictionary<string, string> { ["Rename.Name"] = "Ny telefon" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        page = await client.GetPageAsync(PasskeyClient.PageUrl);
        Assert.Equal("Ny telefon", ((IHtmlInputElement)page.QuerySelector($"{row} input[name='Rename.Name']")!).Value);

        var removed = await client.PostFormAsync((IHtmlFormElement)page.QuerySelector($"{row} form.remove-form")!, PasskeyClient.PageUrl,
            new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        page = await client.GetPageAsync(PasskeyClient.PageUrl);
        Assert.Contains("”Ny telefon” är borttagen", page.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(page.QuerySelector("#no-passkeys"));
        Assert.Equal(0, await PasskeyCountAsync(user.Id));
    }

    [Fact]
    public async Task Someone_elses_passkey_cannot_be_removed()
    {
        var (owner, _) = await SignedInNewAsync();
        var id = await ArrangePasskeyAsync(owner.Id, "Ägarens nyckel");
        var (_, other) = await SignedInNewAsync();

        var response = await other.PostHandlerAsync(PasskeyClient.PageUrl, "Remove&id=" + Base64UrlEncoder.Encode(id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, await PasskeyCountAsync(owner.Id));
    }
}
