using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Admin;

// The admin's pages that need an id are reached the way a person reaches them: by following links.
// Every page on the way, including the ones showing errors, is scanned by axe.
[Collection(BrowserCollection.Name)]
public sealed class AdminPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_opens_a_representative_and_its_mandates_and_sees_field_errors_named()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(Demo.Admin);

        await session.VisitAsync("/admin/fortroendevalda");
        var firstPerson = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First;
        await session.FollowAsync(firstPerson);
        Assert.Matches("^/admin/fortroendevalda/[0-9a-f-]{36}$", new Uri(page.Url).AbsolutePath);

        // Clearing the first name and saving names the field in the summary and keeps the page.
        await page.GetByLabel("Förnamn").FillAsync("");
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).First);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Förnamn");

        await session.VisitAsync(new Uri(page.Url).AbsolutePath);
        var editMandate = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Ändra") }).First;
        await session.FollowAsync(editMandate);
        Assert.Contains("/uppdrag/", page.Url);

        // A committee without its name is refused, and the summary names the field.
        await session.VisitAsync(new Uri(page.Url).AbsolutePath.Split("/uppdrag/")[0] + "/uppdrag/ny");
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).First);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Organ: välj ett av alternativen.");
        await page.GetByLabel("Organ", new() { Exact = true }).SelectOptionAsync("committee");
        await page.GetByLabel("Roll", new() { Exact = true }).SelectOptionAsync("member");
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).First);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("organets namn");
    }

    [Fact]
    public async Task Admin_opens_a_user_account_and_an_invitation_with_errors()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(Demo.Admin);

        await session.VisitAsync("/admin/anvandare");
        await session.FollowAsync(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First);
        Assert.Matches("^/admin/anvandare/[0-9a-f-]{36}$", new Uri(page.Url).AbsolutePath);

        await session.VisitAsync("/admin/anvandare/ny");
        await session.FollowAsync(page.GetByRole(AriaRole.Button).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("inbjudan", System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).First);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-postadress");
    }
}
