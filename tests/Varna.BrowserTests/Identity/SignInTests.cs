using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Identity;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    public static TheoryData<string, string?, string, bool> Accounts => new()
    {
        // account, full name in the greeting (null: generated demo name), a heading only that role sees, admin menu
        { Demo.Admin, "Adam Admin", "Administration", true },
        { Demo.Representative, null, "Om något har hänt", false },
        { Demo.Officer, "Helena Säker", "Säkerhetsarbete", false },
        { Demo.Network, "Nora Nätverk", "Nätverket", false },
        { Demo.Analyst, "Alva Analys", "Statistik", false },
        { Demo.Dpo, "Dora Dataskydd", "Dataskydd", false },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Demo_account_signs_in_through_the_form_and_sees_its_start_page_and_menu(
        string email, string? name, string roleHeading, bool adminMenu)
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;

        await session.SignInAsync(email);

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        var heading = await page.HeadingAsync();
        Assert.StartsWith("Välkommen, ", heading);
        if (name is not null) Assert.Equal($"Välkommen, {name}", heading);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = roleHeading, Level = 2, Exact = true })).ToBeVisibleAsync();

        var menu = page.MainNavigation();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Start", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Mitt konto", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(adminMenu ? 1 : 0, await menu.GetByRole(AriaRole.Link, new() { Name = "Förtroendevalda", Exact = true }).CountAsync());
        Assert.Equal(adminMenu ? 1 : 0, await menu.GetByRole(AriaRole.Link, new() { Name = "Användare", Exact = true }).CountAsync());

        await session.FollowAsync(menu.GetByRole(AriaRole.Button, new() { Name = "Logga ut", Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Du är utloggad.");
        Assert.Equal(0, await page.MainNavigation().CountAsync());
    }

    [Fact]
    public async Task Failed_sign_in_shows_the_error_summary_and_keeps_the_address()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;

        // An address without an account, so no demo account gets locked out by this test.
        await session.SignInAsync("ingen@demo.varna.se", "fel-losenord");

        Assert.Equal("/konto/logga-in", new Uri(page.Url).AbsolutePath);
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "Något behöver rättas" })).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Inloggningen misslyckades. Kontrollera e-postadress och lösenord.");
        Assert.Equal("ingen@demo.varna.se", await page.GetByLabel("E-postadress", new() { Exact = true }).InputValueAsync());
        Assert.Equal("", await page.GetByLabel("Lösenord", new() { Exact = true }).InputValueAsync());
    }

    [Fact]
    public async Task Empty_sign_in_form_names_each_missing_field()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await session.VisitAsync("/konto/logga-in");

        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }));

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("E-postadress måste fyllas i.");
        await Assertions.Expect(summary).ToContainTextAsync("Lösenord måste fyllas i.");
    }

    [Fact]
    public async Task Keyboard_user_can_skip_straight_to_the_main_content()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await session.VisitAsync("/konto/logga-in");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Hoppa till innehållet" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("E-postadress", new() { Exact = true })).ToBeFocusedAsync();
    }
}
