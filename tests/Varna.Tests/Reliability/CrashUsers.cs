using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Varna.Tests.Reliability;

// A representative who submits reports during the crash test. Every one has a personal API token
// (the API clients submit with it; the test reads back every user's reports with it); the form
// users also keep the cookies of a browser sign-in, which must still be valid after each restart.
public sealed class CrashUser(int index, string email, string token, bool usesForm)
{
    public int Index { get; } = index;
    public string Email { get; } = email;
    public string Token { get; } = token;
    public bool UsesForm { get; } = usesForm;
    public CookieContainer Cookies { get; } = new();

    public HttpClient ApiClient(AppProcess app)
    {
        var client = app.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    // Cookies are not bound to a port, so the same jar works on every restart's new port.
    public HttpClient BrowserClient(AppProcess app)
    {
        var client = app.CreateClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies });
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }

    public async Task SignInAsync(AppProcess app)
    {
        using var client = BrowserClient(app);
        var response = await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = Demo.Password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {Email} failed: {response.StatusCode}");
    }
}

public static class CrashUsers
{
    // Seeds the demo through the app itself (in-process, once) and adds representatives with
    // accounts until there is one per client: the demo representatives of both organisations
    // first, then new accounts for other representatives of Demo kommun.
    public static async Task<IReadOnlyList<CrashUser>> PrepareAsync(TestDatabase database, int apiClients, int formClients)
    {
        var factory = new ExistingDatabaseFactory(database, demo: true);
        await factory.InitializeAsync();
        try
        {
            var organisationId = await factory.OrganisationIdAsync(ReportsOrganisation);
            var free = await factory.WithDbAsync(organisationId, async db =>
            {
                var taken = await db.Users.Where(u => u.RepresentativeId != null).Select(u => u.RepresentativeId!.Value).ToListAsync();
                return (await db.Representatives.Select(r => r.Id).ToListAsync()).Except(taken).Order().ToList();
            });
            var emails = new List<string> { Demo.Representative, Demo.RegionRepresentative };
            for (var i = emails.Count; i < apiClients + formClients; i++)
            {
                var email = $"krasch{i}@demo.varna.se";
                await factory.CreateAccountAsync(email, Roles.Representative, organisationId, Demo.Password, representativeId: free[i]);
                emails.Add(email);
            }
            var users = new List<CrashUser>();
            for (var i = 0; i < apiClients + formClients; i++)
                users.Add(new CrashUser(i, emails[i], await TokenAsync(factory, emails[i]), usesForm: i < formClients));
            return users;
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    private const string ReportsOrganisation = "Demo kommun";

    private static Task<string> TokenAsync(VarnaFactory factory, string email) =>
        factory.WithDbAsync(null, db => TestAccounts.IssueTokenAsync(db, email, "krasch"));
}
