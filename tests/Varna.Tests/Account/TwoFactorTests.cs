using AngleSharp.Html.Dom;

namespace Varna.Tests.Account;

public sealed class TwoFactorTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private async Task<(string Email, HttpClient Client)> SignedInNewUserAsync(string role = Roles.Representative)
    {
        var email = await factory.CreateUserAsync(role, await factory.DemoOrganisationIdAsync());
        return (email, await factory.SignedInAsync(email, AccountTestSupport.Password));
    }

    private static Task<HttpResponseMessage> SubmitCodeAsync(HttpClient client, string url, string field, string code) =>
        client.SubmitFormAsync(url, new Dictionary<string, string> { [field] = code });

    [Fact]
    public async Task Set_up_page_shows_the_key_in_groups_of_four_and_a_QR_code_image()
    {
        var (_, client) = await SignedInNewUserAsync();

        var page = await client.GetPageAsync("/konto/tvastegsverifiering");

        var shown = page.QuerySelector("#shared-key")!.TextContent.Trim();
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", shown);
        var qr = (IHtmlImageElement)page.QuerySelector("img.qr-code")!;
        Assert.StartsWith("data:image/png;base64,", qr.Source);
        Assert.False(string.IsNullOrWhiteSpace(qr.AlternativeText));
        Assert.True(Convert.FromBase64String(qr.Source![(qr.Source!.IndexOf(',') + 1)..]).Length > 100);
        Assert.Null(page.QuerySelector("script"));
    }

    [Fact]
    public async Task Wrong_code_at_set_up_is_a_field_error_and_two_factor_stays_off()
    {
        var (email, client) = await SignedInNewUserAsync();
        var key = (await client.GetPageAsync("/konto/tvastegsverifiering")).SharedKey();

        var response = await SubmitCodeAsync(client, "/konto/tvastegsverifiering", "Input.Code", AccountTestSupport.WrongCode(key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("Koden stämmer inte", string.Concat(page.FieldErrors("Input.Code")));
        Assert.Equal(key, page.SharedKey());
        Assert.False((await factory.FindUserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Code_from_the_phone_turns_two_factor_on_and_shows_ten_recovery_codes_once()
    {
        var (email, client) = await SignedInNewUserAsync();

        var (_, codes) = await client.SetUpTwoFactorAsync();

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True((await factory.FindUserAsync(email)).TwoFactorEnabled);
        var again = await client.GetPageAsync("/konto/aterstallningskoder");
        Assert.Empty(again.QuerySelectorAll(".recovery-codes li"));
        Assert.Contains("10", again.QuerySelector("main")!.TextContent);
        var status = await client.GetPageAsync("/konto/tvastegsverifiering");
        Assert.NotNull(status.QuerySelector("#two-factor-on"));
        Assert.Null(status.QuerySelector("#shared-key"));
        Assert.Equal("På", (await client.GetPageAsync("/konto")).QuerySelector("#two-factor-status .badge")!.TextContent.Trim());
    }

    [Fact]
    public async Task Signing_in_after_set_up_asks_for_the_code_and_accepts_the_one_from_the_phone()
    {
        var (email, client) = await SignedInNewUserAsync();
        var (key, _) = await client.SetUpTwoFactorAsync();

        var (next, location) = await factory.StartSignInAsync(email);
        Assert.StartsWith("/konto/logga-in/tvastegs", location);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/")).StatusCode);

        var wrong = await SubmitCodeAsync(next, location, "Input.Code", AccountTestSupport.WrongCode(key));
        Assert.Contains("Koden stämmer inte", string.Concat((await wrong.ReadPageAsync()).FieldErrors("Input.Code")));

        var response = await SubmitCodeAsync(next, location, "Input.Code", AccountTestSupport.PhoneCode(key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        var (email, client) = await SignedInNewUserAsync();
        var (_, codes) = await client.SetUpTwoFactorAsync();

        var (first, _) = await factory.StartSignInAsync(email);
        var used = await SubmitCodeAsync(first, "/konto/logga-in/aterstallningskod", "Input.Code", codes[3]);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).StatusCode);

        var (second, _) = await factory.StartSignInAsync(email);
        var reused = await SubmitCodeAsync(second, "/konto/logga-in/aterstallningskod", "Input.Code", codes[3]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("Återställningskoden stämmer inte eller är redan använd.", (await reused.ReadPageAsync()).FieldErrors("Input.Code"));
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var (email, client) = await SignedInNewUserAsync();
        var (_, oldCodes) = await client.SetUpTwoFactorAsync();

        var response = await client.SubmitFormAsync("/konto/tvastegsverifiering", new Dictionary<string, string>(), "#recovery-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/konto/aterstallningskoder");
        var newCodes = page.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        var (next, _) = await factory.StartSignInAsync(email);
        var old = await SubmitCodeAsync(next, "/konto/logga-in/aterstallningskod", "Input.Code", oldCodes[0]);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var fresh = await SubmitCodeAsync(next, "/konto/logga-in/aterstallningskod", "Input.Code", newCodes[0]);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task Resetting_the_authenticator_gives_a_new_key_and_the_old_phone_stops_working()
    {
        var (email, client) = await SignedInNewUserAsync();
        var (oldKey, _) = await client.SetUpTwoFactorAsync();

        var response = await client.SubmitFormAsync("/konto/tvastegsverifiering", new Dictionary<string, string>(), "#reset-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await client.GetPageAsync("/konto/tvastegsverifiering");
        Assert.NotNull(page.QuerySelector("p.notice[role=status]"));
        Assert.NotEqual(oldKey, page.SharedKey());
        Assert.False((await factory.FindUserAsync(email)).TwoFactorEnabled);
        var stale = await SubmitCodeAsync(client, "/konto/tvastegsverifiering", "Input.Code", AccountTestSupport.PhoneCode(oldKey));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.NotEmpty((await stale.ReadPageAsync()).FieldErrors("Input.Code"));
    }

    [Fact]
    public async Task Representative_can_turn_two_factor_off_and_then_signs_in_with_the_password_alone()
    {
        var (email, client) = await SignedInNewUserAsync();
        await client.SetUpTwoFactorAsync();

        var response = await client.SubmitFormAsync("/konto/tvastegsverifiering", new Dictionary<string, string>(), "#disable-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.False((await factory.FindUserAsync(email)).TwoFactorEnabled);
        var (_, location) = await factory.StartSignInAsync(email);
        Assert.Equal("/", location);
    }
}
