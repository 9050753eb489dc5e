using System.Net.Http.Headers;
using System.Text.Json;

namespace Varna.Tests.Account;

public sealed class ApiTokenTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private async Task<(string Email, HttpClient Client)> SignedInNewUserAsync(string role = Roles.SecurityOfficer)
    {
        var email = await factory.CreateUserAsync(role, await factory.DemoOrganisationIdAsync());
        return (email, await factory.SignedInAsync(email, AccountTestSupport.Password));
    }

    private static async Task<string> CreateTokenAsync(HttpClient client, string name)
    {
        var response = await client.SubmitFormAsync("/konto/api-nycklar", new Dictionary<string, string> { ["Input.Name"] = name }, "#create-token");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/konto/api-nycklar");
        return page.QuerySelector(".secret #new-token")!.TextContent.Trim();
    }

    private Task<HttpResponseMessage> GetMeAsync(string? authorization)
    {
        var api = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        if (authorization is not null) request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        return api.SendAsync(request);
    }

    private static async Task AssertProblem401Async(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Token_created_on_the_page_calls_the_api_as_its_owner()
    {
        var (email, client) = await SignedInNewUserAsync();
        var secret = await CreateTokenAsync(client, "Export till diariet");

        var response = await GetMeAsync("Bearer " + secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var me = json.RootElement;
        Assert.Equal(email, me.GetProperty("email").GetString());
        var organisation = me.GetProperty("organisation");
        Assert.Equal(await factory.DemoOrganisationIdAsync(), organisation.GetProperty("id").GetGuid());
        Assert.Equal("Demo kommun", organisation.GetProperty("name").GetString());
        Assert.Equal("municipality", organisation.GetProperty("kind").GetString());
        Assert.Equal(new[] { Roles.SecurityOfficer }, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task Secret_is_shown_once_with_a_warning_and_only_its_hash_is_stored()
    {
        var (email, client) = await SignedInNewUserAsync();
        var response = await client.SubmitFormAsync("/konto/api-nycklar", new Dictionary<string, string> { ["Input.Name"] = "Skript" }, "#create-token");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var first = await client.GetPageAsync("/konto/api-nycklar");
        var secret = first.QuerySelector(".secret #new-token")!.TextContent.Trim();
        Assert.StartsWith(ApiToken.Prefix, secret);
        Assert.Contains("visas inte igen", first.QuerySelector("main")!.TextContent);
        var row = first.QuerySelector("tbody tr")!.TextContent;
        Assert.Contains("Skript", row);
        Assert.Contains("Aktiv", row);
        Assert.DoesNotContain(secret, row);

        var second = await client.GetPageAsync("/konto/api-nycklar");
        Assert.Null(second.QuerySelector("#new-token"));
        Assert.DoesNotContain(secret, second.DocumentElement.OuterHtml);

        var userId = (await factory.FindUserAsync(email)).Id;
        var stored = await factory.WithDbAsync(null, db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.UserId == userId));
        Assert.Equal(ApiToken.Hash(secret), stored.TokenHash);
        Assert.DoesNotContain(secret, stored.TokenHash + stored.Hint + stored.Name);
    }

    [Fact]
    public async Task Revoked_token_stops_working_at_once()
    {
        var (_, client) = await SignedInNewUserAsync();
        var secret = await CreateTokenAsync(client, "Kortlivad");
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync("Bearer " + secret)).StatusCode);

        var response = await client.SubmitFormAsync("/konto/api-nycklar", new Dictionary<string, string>(), "form.revoke-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await AssertProblem401Async(await GetMeAsync("Bearer " + secret));
        var page = await client.GetPageAsync("/konto/api-nycklar");
        Assert.Contains("Återkallad", page.QuerySelector("tbody tr")!.TextContent);
        Assert.Null(page.QuerySelector("form.revoke-form"));
    }

    [Fact]
    public async Task Missing_or_garbage_token_gets_401_problem_details()
    {
        await AssertProblem401Async(await GetMeAsync(null));
        await AssertProblem401Async(await GetMeAsync("Bearer varna_detta-ar-ingen-riktig-nyckel"));
    }

    [Fact]
    public async Task Revoking_another_users_token_gets_404_and_the_token_keeps_working()
    {
        var (_, owner) = await SignedInNewUserAsync();
        var secret = await CreateTokenAsync(owner, "Ägarens nyckel");
        var tokenId = (await owner.GetPageAsync("/konto/api-nycklar")).QuerySelector("tbody tr")!.GetAttribute("data-token-id");
        var (_, other) = await SignedInNewUserAsync();
        var page = await other.GetPageAsync("/konto/api-nycklar");

        var response = await other.PostAsync($"/konto/api-nycklar?handler=Revoke&id={tokenId}", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = page.AntiforgeryToken() }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync("Bearer " + secret)).StatusCode);
    }

    [Fact]
    public async Task Token_without_a_name_or_with_a_too_long_name_is_refused_on_the_name_field()
    {
        var (email, client) = await SignedInNewUserAsync(Roles.Representative);

        var empty = await (await client.SubmitFormAsync("/konto/api-nycklar", new Dictionary<string, string> { ["Input.Name"] = " " }, "#create-token")).ReadPageAsync();
        Assert.Contains("Namn på nyckeln måste fyllas i.", empty.FieldErrors("Input.Name"));

        var tooLong = await (await client.SubmitFormAsync("/konto/api-nycklar", new Dictionary<string, string> { ["Input.Name"] = new string('a', 101) }, "#create-token")).ReadPageAsync();
        Assert.Contains("Namn på nyckeln får ha högst 100 tecken.", tooLong.FieldErrors("Input.Name"));

        var userId = (await factory.FindUserAsync(email)).Id;
        Assert.Equal(0, await factory.WithDbAsync(null, db => db.ApiTokens.CountAsync(t => t.UserId == userId)));
    }
}
