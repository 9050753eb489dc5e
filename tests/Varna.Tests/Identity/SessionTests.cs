using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Varna.Tests.Identity;

// The app on a clock the tests move. The cookie handler, the security stamp check and the session
// store all read the injected TimeProvider. The periodic jobs are off: a fake clock moved by days
// would run them once for every minute skipped, on the test's thread.
public sealed class SessionClockFactory : VarnaFactory
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cases:ClockEnabled", "false");
        builder.UseSetting("Sessions:CleanupEnabled", "false");
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);
}

public sealed class SessionTests(SessionClockFactory factory) : IClassFixture<SessionClockFactory>
{
    private async Task<(User User, HttpClient Client, HttpResponseMessage SignIn)> SignedInNewAsync(string role)
    {
        var user = await factory.CreateAccountAsync($"session-{Guid.NewGuid():N}@demo.varna.se", role,
            await factory.OrganisationIdAsync("Demo kommun"), Demo.Password);
        var client = factory.CreatePageClient();
        var response = await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = Demo.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (user, client, response);
    }

    private Task<int> SessionRowsAsync(Guid userId) => factory.WithDbAsync(null, db => db.UserSessions.CountAsync(s => s.UserId == userId));

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("varna.auth="));

    private async Task<HttpStatusCode> GetStartPageWithCookieAsync(string setCookie)
    {
        var stranger = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", setCookie.Split(';')[0]);
        return (await stranger.SendAsync(request)).StatusCode;
    }

    private static async Task AssertSignedInAsync(HttpClient client) =>
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

    private static async Task AssertSentToSignInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/konto/logga-in", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_as_soon_as_its_owner_signs_out()
    {
        var (user, client, signIn) = await SignedInNewAsync(Roles.Analyst);
        var copied = AuthCookie(signIn);
        Assert.Equal(HttpStatusCode.OK, await GetStartPageWithCookieAsync(copied));
        Assert.Equal(1, await SessionRowsAsync(user.Id));

        var signOut = await client.SubmitFormAsync("/", new Dictionary<string, string>(), "form[action='/konto/logga-ut']");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await GetStartPageWithCookieAsync(copied));
        Assert.Equal(0, await SessionRowsAsync(user.Id));
    }

    [Fact]
    public async Task The_cookie_carries_only_a_session_key_and_the_ticket_is_kept_encrypted_on_the_server()
    {
        var (user, _, signIn) = await SignedInNewAsync(Roles.Analyst);

        // A ticket with the user's claims (name, roles, organisation, security stamp) takes well over
        // a kilobyte in a cookie; a session key takes a few hundred bytes.
        Assert.True(AuthCookie(signIn).Split(';')[0].Length < 700, AuthCookie(signIn));
        var session = await factory.WithDbAsync(null, db => db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == user.Id));
        Assert.NotEmpty(session.Ticket);
    }

    [Fact]
    public async Task Staff_session_ends_after_thirty_minutes_without_use()
    {
        var (user, client, _) = await SignedInNewAsync(Roles.Analyst);

        factory.Time.Advance(TimeSpan.FromMinutes(25));
        await AssertSignedInAsync(client);
        factory.Time.Advance(TimeSpan.FromMinutes(25));
        await AssertSignedInAsync(client);
        factory.Time.Advance(TimeSpan.FromMinutes(31));

        await AssertSentToSignInAsync(client);
        Assert.Equal(0, await SessionRowsAsync(user.Id));
    }

    [Fact]
    public async Task Staff_session_ends_after_ten_hours_even_when_used_all_the_time()
    {
        var (_, client, _) = await SignedInNewAsync(Roles.SecurityOfficer);

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(9.5); elapsed += TimeSpan.FromMinutes(20))
        {
            factory.Time.Advance(TimeSpan.FromMinutes(20));
            await AssertSignedInAsync(client);
        }
        factory.Time.Advance(TimeSpan.FromMinutes(40));

        await AssertSentToSignInAsync(client);
    }

    [Fact]
    public async Task Representative_session_survives_the_browser_and_slides_thirty_days_from_the_last_use()
    {
        var (user, client, signIn) = await SignedInNewAsync(Roles.Representative);
        Assert.Contains("expires=", AuthCookie(signIn), StringComparison.OrdinalIgnoreCase);

        factory.Time.Advance(TimeSpan.FromDays(20));
        await AssertSignedInAsync(client);
        factory.Time.Advance(TimeSpan.FromDays(20));
        await AssertSignedInAsync(client);
        factory.Time.Advance(TimeSpan.FromDays(31));

        await AssertSentToSignInAsync(client);
        Assert.Equal(0, await SessionRowsAsync(user.Id));
    }

    [Fact]
    public async Task Staff_session_cookie_is_gone_when_the_browser_closes()
    {
        var (_, _, signIn) = await SignedInNewAsync(Roles.OrgAdmin);

        Assert.DoesNotContain("expires=", AuthCookie(signIn), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cleanup_removes_sessions_nobody_came_back_to()
    {
        var (staff, _, _) = await SignedInNewAsync(Roles.Analyst);
        var (representative, _, _) = await SignedInNewAsync(Roles.Representative);

        factory.Time.Advance(TimeSpan.FromHours(1));
        await factory.Services.GetRequiredService<SessionStore>().RemoveExpiredAsync(CancellationToken.None);

        Assert.Equal(0, await SessionRowsAsync(staff.Id));
        Assert.Equal(1, await SessionRowsAsync(representative.Id));
    }

    [Fact]
    public async Task A_changed_security_stamp_still_ends_the_session_within_a_minute()
    {
        var (user, client, _) = await SignedInNewAsync(Roles.Analyst);
        await AssertSignedInAsync(client);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        }
        factory.Time.Advance(TimeSpan.FromMinutes(2));

        await AssertSentToSignInAsync(client);
    }
}
