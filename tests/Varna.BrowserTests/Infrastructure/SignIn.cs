using Microsoft.Playwright;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Infrastructure;

public static class SignIn
{
    // Signs in through the form, as a person would, and returns the page it lands on.
    public static async Task<IResponse> SignInAsync(this BrowserSession session, string email, string password = Demo.Password)
    {
        await session.VisitAsync("/konto/logga-in");
        await session.Page.GetByLabel("E-postadress", new() { Exact = true }).FillAsync(email);
        await session.Page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync(password);
        return await session.FollowAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }));
    }

    public static Task<string> HeadingAsync(this IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();

    public static async Task<string?> LanguageAsync(this IPage page) => await page.Locator("html").GetAttributeAsync("lang");

    public static ILocator MainNavigation(this IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
}
