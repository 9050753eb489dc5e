namespace Varna.Tests.Identity;

public sealed class SignInTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Theory]
    [InlineData(Demo.Representative)]
    [InlineData(Demo.Officer)]
    [InlineData(Demo.Admin)]
    [InlineData(Demo.Analyst)]
    [InlineData(Demo.Dpo)]
    [InlineData(Demo.Network)]
    [InlineData(Demo.RegionRepresentative)]
    [InlineData(Demo.RegionOfficer)]
    public async Task Every_demo_account_signs_in_and_sees_its_start_page(string email)
    {
        var client = await factory.SignedInAsync(email);
        var start = await client.GetPageAsync("/");
        Assert.Contains("Välkommen", start.QuerySelector("h1")!.TextContent);
        Assert.NotNull(start.QuerySelector("nav[aria-label] a[href='/konto']"));
    }

    [Fact]
    public async Task Admin_navigation_offers_representatives_and_users_but_a_representatives_does_not()
    {
        var admin = await (await factory.SignedInAsync(Demo.Admin)).GetPageAsync("/");
        Assert.NotNull(admin.QuerySelector("nav a[href='/admin/fortroendevalda']"));
        Assert.NotNull(admin.QuerySelector("nav a[href='/admin/anvandare']"));

        var rep = await (await factory.SignedInAsync(Demo.Representative)).GetPageAsync("/");
        Assert.Null(rep.QuerySelector("nav a[href='/admin/fortroendevalda']"));
        Assert.Contains("112", rep.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Security_officer_start_page_lists_the_representatives_the_statutory_duty_covers()
    {
        var page = await (await factory.SignedInAsync(Demo.Officer)).GetPageAsync("/");
        var table = page.QuerySelector("table")!;
        Assert.Contains("18 a", table.QuerySelector("caption")!.TextContent);
        // The demo board's chair and two vice chairs are the full-time/large part-time members.
        Assert.Equal(3, table.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Kommunstyrelsen", table.TextContent);

        var regional = await (await factory.SignedInAsync(Demo.RegionOfficer)).GetPageAsync("/");
        Assert.Contains("Regionstyrelsen", regional.QuerySelector("table")!.TextContent);
        Assert.DoesNotContain("Kommunstyrelsen", regional.QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_get_the_same_answer()
    {
        var client = factory.CreatePageClient();
        var wrong = await (await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
            { ["Input.Email"] = Demo.Analyst, ["Input.Password"] = "Wrong-password-1" })).ReadPageAsync();
        var unknown = await (await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
            { ["Input.Email"] = "nobody@demo.varna.se", ["Input.Password"] = "Wrong-password-1" })).ReadPageAsync();

        var wrongText = wrong.QuerySelector(".error-summary")!.TextContent.Trim();
        Assert.Contains("Inloggningen misslyckades", wrongText);
        Assert.Equal(wrongText, unknown.QuerySelector(".error-summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        const string email = "utelast@demo.varna.se", password = "Ratt-losen-2026!";
        await factory.CreateAccountAsync(email, Roles.Analyst, await factory.OrganisationIdAsync("Demo kommun"), password);
        var client = factory.CreatePageClient();
        for (var i = 0; i < 5; i++)
            await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
                { ["Input.Email"] = email, ["Input.Password"] = "Wrong-password-1" });

        var response = await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
            { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Inloggningen misslyckades", (await response.ReadPageAsync()).QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await factory.CreatePageClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/konto/logga-in", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await factory.SignedInAsync(Demo.Analyst);
        var response = await client.SubmitFormAsync("/", new Dictionary<string, string>(), "form[action='/konto/logga-ut']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
