using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Web;

// Every page, in Swedish and then in English, each scanned by axe on the way. Add a page with one
// line in Pages.
[Collection(BrowserCollection.Name)]
public sealed class PageWalkTests(BrowserFixture browser)
{
    // Account null: visited signed out.
    public sealed record Stop(string Url, string? Account, string? Swedish = null, string? English = null, int Status = 200);

    public static readonly Stop[] Pages =
    [
        new("/konto/logga-in", null, "Logga in", "Sign in"),
        new("/konto/valj-losenord", null, "Välj lösenord", "Choose a password"), // without a valid link: the invalid-link message
        new("/", Demo.Admin, "Välkommen, Adam Admin", "Welcome, Adam Admin"),
        new("/konto/logga-ut", Demo.Admin, "Logga ut", "Sign out"),
        new("/finns-inte", Demo.Admin, "Sidan finns inte", "Page not found", Status: 404),
        new("/admin/fortroendevalda", Demo.Admin),
        new("/admin/fortroendevalda/ny", Demo.Admin),
        new("/admin/fortroendevalda/import", Demo.Admin),
        new("/admin/anvandare", Demo.Admin),
        new("/admin/anvandare/ny", Demo.Admin),
        new("/admin/installningar", Demo.Admin, "Organisationens inställningar", "Organisation settings"),
        new("/konto/api-nycklar", Demo.Admin),
        new("/", Demo.Representative),
        new("/rapportera", Demo.Representative, "Rapportera en händelse", "Report an incident"),
        new("/konto", Demo.Representative),
        new("/mina-rapporter", Demo.Representative, "Mina rapporter", "My reports"),
        new("/konto/losenord", Demo.Representative),
        new("/konto/tvastegsverifiering", Demo.Representative),
        new("/konto/aterstallningskoder", Demo.Representative),
        new("/konto/api-nycklar", Demo.Representative),
        new("/", Demo.Officer),
        new("/rapportera/registrera", Demo.Officer, "Registrera en rapport åt en förtroendevald", "Register a report for a representative"),
        new("/konto", Demo.Officer),
        new("/konto/losenordsnycklar", Demo.Officer, "Lösenordsnycklar"),
        new("/", Demo.Dpo),
        new("/dataskydd/logg", Demo.Dpo, "Granskningslogg", "Audit log"),
        new("/dataskydd/logg?fran=2026-13-01", Demo.Dpo, "Granskningslogg", "Audit log"), // a bad date, named
        new("/dataskydd/registerutdrag", Demo.Dpo, "Registerutdrag", "Subject access export"),
        new("/dataskydd/radering", Demo.Dpo, "Radering på begäran", "Erasure on request"),
        new("/", Demo.Network),
        new("/konto", Demo.Network),
    ];

    public static TheoryData<string> Accounts()
    {
        var data = new TheoryData<string>();
        foreach (var account in Pages.Select(p => p.Account ?? "").Distinct()) data.Add(account);
        return data;
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Pages_work_in_Swedish_then_in_English_then_in_Swedish_again(string account)
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        if (account.Length > 0) await session.SignInAsync(account);

        var stops = Pages.Where(p => (p.Account ?? "") == account).ToList();

        var swedish = new Dictionary<string, string>();
        foreach (var stop in stops)
        {
            await session.VisitAsync(stop.Url, stop.Status);
            Assert.Equal("sv", await page.LanguageAsync());
            swedish[stop.Url] = await page.HeadingAsync();
            if (stop.Swedish is not null) Assert.Equal(stop.Swedish, swedish[stop.Url]);
        }

        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "In English" }), stops[^1].Status);
        Assert.Equal("en", await page.LanguageAsync());
        Assert.Equal(stops[^1].Url, new Uri(page.Url).AbsolutePath); // the switch stays on the page

        foreach (var stop in stops)
        {
            await session.VisitAsync(stop.Url, stop.Status);
            Assert.Equal("en", await page.LanguageAsync());
            var heading = await page.HeadingAsync();
            if (stop.English is not null) Assert.Equal(stop.English, heading);
            // The same heading in both languages is nearly always a missing English resource.
            Assert.NotEqual(swedish[stop.Url], heading);
        }

        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "På svenska" }), stops[^1].Status);
        Assert.Equal("sv", await page.LanguageAsync());
        Assert.Equal(swedish[stops[^1].Url], await page.HeadingAsync());
    }
}
