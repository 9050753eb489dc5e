using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Varna.Features.Organisations;

namespace Varna.Tests.Account;

// Fresh accounts per test, so a changed password or a switched-on 2FA never leaks into another test.
public static class AccountTestSupport
{
    public const string Password = "Test-Losen-2026!";

    public static async Task<string> CreateUserAsync(this VarnaFactory factory, string role, Guid? organisationId, string name = "Test Testsson")
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.varna.se";
        await factory.CreateAccountAsync(email, role, organisationId, Password, name);
        return email;
    }

    public static Task<Guid> DemoOrganisationIdAsync(this VarnaFactory factory) => factory.OrganisationIdAsync("Demo kommun");

    public static Task<Guid> CreateOrganisationAsync(this VarnaFactory factory, string name) =>
        factory.WithDbAsync(null, async db =>
        {
            var organisation = Organisation.Create(name, OrganisationKind.Municipality, null, DateTimeOffset.UtcNow).Value!;
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    public static Task<User> FindUserAsync(this VarnaFactory factory, string email) =>
        factory.WithDbAsync(null, db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    // The password step of signing in. Returns where the app sends the browser next.
    public static async Task<(HttpClient Client, string Location)> StartSignInAsync(this VarnaFactory factory, string email, string password = Password)
    {
        var client = factory.CreatePageClient();
        var response = await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, response.Headers.Location!.OriginalString);
    }

    // The shared key as the page shows it, in groups of four, read back without spaces.
    public static string SharedKey(this IHtmlDocument page) =>
        page.QuerySelector("#shared-key")!.TextContent.Replace(" ", "").Trim();

    // What the phone's authenticator app would show right now.
    public static string PhoneCode(string sharedKey) => new Totp(Base32Encoding.ToBytes(sharedKey)).ComputeTotp();

    // A six-digit code that is not valid in any time step Identity accepts around now.
    public static string WrongCode(string sharedKey)
    {
        var totp = new Totp(Base32Encoding.ToBytes(sharedKey));
        var valid = Enumerable.Range(-3, 7).Select(k => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * k))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !valid.Contains(c));
    }

    // Sets up TOTP through the page as a person would; returns the key and the recovery codes shown.
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SetUpTwoFactorAsync(this HttpClient client)
    {
        var setup = await client.GetPageAsync("/konto/tvastegsverifiering");
        var key = setup.SharedKey();
        var response = await client.PostFormAsync((IHtmlFormElement)setup.QuerySelector("#verify-form")!, "/konto/tvastegsverifiering",
            new Dictionary<string, string> { ["Input.Code"] = PhoneCode(key) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/aterstallningskoder", response.Headers.Location!.OriginalString);
        var codesPage = await client.GetPageAsync("/konto/aterstallningskoder");
        var codes = codesPage.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        return (key, codes);
    }

    // The antiforgery token of any form on a page, for posting to a handler the page does not offer.
    public static string AntiforgeryToken(this IHtmlDocument page) =>
        ((IHtmlInputElement)page.QuerySelector("main input[name=__RequestVerificationToken]")!).Value;
}
