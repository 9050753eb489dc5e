namespace Varna.Tests.Account;

public sealed class AccountOverviewTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Overview_shows_name_email_organisation_roles_and_two_factor_status()
    {
        var email = await factory.CreateUserAsync(Roles.SecurityOfficer, await factory.DemoOrganisationIdAsync(), "Saga Lind");
        var client = await factory.SignedInAsync(email, AccountTestSupport.Password);

        var page = await client.GetPageAsync("/konto");

        var details = page.QuerySelector("dl.details")!.TextContent;
        Assert.Contains("Saga Lind", details);
        Assert.Contains(email, details);
        Assert.Contains("Demo kommun", details);
        Assert.Contains("Säkerhetsansvarig", details);
        Assert.Equal("Av", page.QuerySelector("#two-factor-status .badge")!.TextContent.Trim());
        foreach (var link in new[] { "/konto/losenord", "/konto/tvastegsverifiering", "/konto/api-nycklar" })
            Assert.NotNull(page.QuerySelector($"main a[href='{link}']"));
    }

    [Fact]
    public async Task Network_coordinator_without_organisation_sees_that_it_has_none()
    {
        var client = await factory.SignedInAsync(Demo.Network);

        var page = await client.GetPageAsync("/konto");

        var details = page.QuerySelector("dl.details")!.TextContent;
        Assert.Contains("Ingen organisation", details);
        Assert.Contains("Nätverkssamordnare", details);
    }

    [Fact]
    public async Task Language_is_shown_and_can_be_changed_from_the_account_page()
    {
        var client = await factory.SignedInAsync(Demo.Analyst);
        var page = await client.GetPageAsync("/konto");
        Assert.Equal("Värna visas nu på svenska.", page.QuerySelector("#current-language")!.TextContent.Trim());

        var response = await client.SubmitFormAsync("/konto", new Dictionary<string, string> { ["culture"] = "en" }, "form.language-choice");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto", response.Headers.Location!.OriginalString);

        var english = await client.GetPageAsync("/konto");
        Assert.Equal("My account", english.QuerySelector("h1")!.TextContent);
        Assert.Equal("Värna is now shown in English.", english.QuerySelector("#current-language")!.TextContent.Trim());
        Assert.Contains("Analyst", english.QuerySelector("dl.details")!.TextContent);
    }
}
