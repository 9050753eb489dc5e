using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Privacy;

// The data protection officer's erasure, as far as it goes before anything is changed: the plan for
// one person, then the confirmation left out. Every state is scanned by axe.
[Collection(BrowserCollection.Name)]
public sealed class ErasureBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Dpo_sees_the_plan_for_one_representative_and_is_told_the_confirmation_is_missing()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(Demo.Dpo);

        await session.VisitAsync("/dataskydd/radering");
        await page.GetByLabel("Förtroendevald").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Visa vad som raderas" }));
        Assert.Contains("representant=", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Genomför raderingen" })).ToBeVisibleAsync();

        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Genomför raderingen" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Radering på begäran");
    }
}
