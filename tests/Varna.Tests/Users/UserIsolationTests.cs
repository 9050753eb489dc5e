namespace Varna.Tests.Users;

public sealed class UserIsolationTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private const string RegionAdmin = "admin@region.demo.varna.se";
    private bool _regionAdminCreated;

    private async Task<HttpClient> RegionAdminAsync()
    {
        if (!_regionAdminCreated && await factory.FindUserAsync(RegionAdmin) is null)
            await factory.CreateUserAsync(RegionAdmin, "Exempelregionen", Roles.OrgAdmin);
        _regionAdminCreated = true;
        return await factory.SignedInAsync(RegionAdmin, UserTestKit.Password);
    }

    [Fact]
    public async Task List_shows_no_accounts_of_another_organisation()
    {
        var client = await RegionAdminAsync();

        var text = (await client.GetPageAsync("/admin/anvandare")).QuerySelector("main")!.TextContent;

        Assert.Contains(Demo.RegionOfficer, text);
        Assert.Contains(RegionAdmin, text);
        Assert.DoesNotContain("@demo.varna.se", text);
        Assert.DoesNotContain("Nora Nätverk", text);
    }

    [Theory]
    [InlineData(Demo.Admin)]
    [InlineData(Demo.Analyst)]
    [InlineData(Demo.Network)]
    public async Task Account_outside_the_organisation_gets_404_on_get_and_post(string other)
    {
        var client = await RegionAdminAsync();
        var before = (await factory.FindUserAsync(other))!;
        var url = $"/admin/anvandare/{before.Id}";

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/admin/anvandare/ny", url,
            [new("Input.DisplayName", "Kapad"), new("Input.Roles", Roles.Analyst)])).StatusCode);
        foreach (var handler in new[] { "Deactivate", "Reactivate", "ResendInvitation", "ResetTwoFactor" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/admin/anvandare/ny", $"{url}?handler={handler}", [])).StatusCode);

        var after = (await factory.FindUserAsync(other))!;
        Assert.Equal(before.DisplayName, after.DisplayName);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.False(after.IsDeactivated);
    }

    [Theory]
    [InlineData(Demo.Representative)]
    [InlineData(Demo.Officer)]
    [InlineData(Demo.Analyst)]
    [InlineData(Demo.Dpo)]
    [InlineData(Demo.Network)]
    public async Task Roles_other_than_admin_are_denied_the_user_pages(string email)
    {
        var client = await factory.SignedInAsync(email);
        var someone = (await factory.FindUserAsync(Demo.Officer))!.Id;

        foreach (var url in new[] { "/admin/anvandare", "/admin/anvandare/ny", $"/admin/anvandare/{someone}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/konto/atkomst-nekad", response.Headers.Location!.ToString());
        }
    }
}
