using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Varna.Features.Cases;
using Varna.Features.Notifications;

namespace Varna.Tests.Cases;

// The job that keeps time on first contact: overdue and late cases,
// each told once, by e-mail without case details, however many nodes run it.
public sealed class CaseClockTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    private const string Overdue = "First contact overdue";
    private const string Late = "First contact a day late";

    [Fact]
    public async Task Case_past_its_deadline_without_contact_mails_each_officer_once_then_once_more_a_day_late()
    {
        await factory.SettleAsync();
        var description = "Mannen i den gröna jackan stod utanför porten igen.";
        var @case = await factory.ReportCaseAsync(description, dangerNow: true);
        var second = await factory.OfficerAsync(@case.OrganisationId);
        var officers = await factory.OfficerEmailsAsync(@case.OrganisationId);
        var before = factory.MailFiles();

        factory.Time.SetUtcNow(@case.Due!.Value.AddMinutes(1));
        await factory.RunClockAsync();
        await factory.DeliverNotificationsAsync();
        var overdue = factory.MailSince(before, Overdue);

        Assert.Contains(second.Email, officers);
        Assert.Equal(officers.Length, overdue.Length);
        Assert.All(officers, email => Assert.Single(overdue, m => m.IsTo(email)));
        Assert.DoesNotContain(overdue, m => m.IsTo(Demo.RegionOfficer));
        var text = overdue[0].TextBody;
        Assert.Contains($"http://localhost/arenden/{@case.Id}", text);
        Assert.DoesNotContain("gröna jackan", text);
        Assert.DoesNotContain(@case.Reference, text);
        Assert.DoesNotContain("akut", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("acute", text, StringComparison.OrdinalIgnoreCase);

        var afterOverdue = factory.MailFiles();
        await factory.RunClockAsync();
        await factory.DeliverNotificationsAsync();
        Assert.Empty(factory.MailSince(afterOverdue));

        factory.Time.SetUtcNow(@case.Due.Value.AddHours(24).AddMinutes(1));
        await factory.RunClockAsync();
        await factory.DeliverNotificationsAsync();
        var late = factory.MailSince(afterOverdue, Late);
        Assert.Equal(officers.Length, factory.MailSince(afterOverdue).Length);
        Assert.All(officers, email => Assert.Single(late, m => m.IsTo(email)));
        Assert.Contains($"http://localhost/arenden/{@case.Id}", late[0].TextBody);
        Assert.DoesNotContain("gröna jackan", late[0].TextBody);

        var afterLate = factory.MailFiles();
        factory.Time.Advance(TimeSpan.FromDays(2));
        await factory.RunClockAsync();
        await factory.DeliverNotificationsAsync();
        Assert.Empty(factory.MailSince(afterLate));
    }

    [Fact]
    public async Task Overdue_and_late_notices_appear_in_the_case_timeline_as_done_by_the_system()
    {
        await factory.SettleAsync();
        var @case = await factory.ReportCaseAsync(dangerNow: true);

        factory.Time.SetUtcNow(@case.Due!.Value.AddHours(25));
        await factory.RunClockAsync();
        var sheet = await (await factory.ApiClientAsync(Demo.Officer)).GetFromJsonAsync<JsonElement>($"/api/v1/cases/{@case.Id}");

        var lines = sheet.GetProperty("timeline").EnumerateArray().ToArray();
        var overdue = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "first_contact_overdue");
        Assert.Single(lines, l => l.GetProperty("kind").GetString() == "first_contact_late");
        Assert.Equal(JsonValueKind.Null, overdue.GetProperty("actor").ValueKind);
        Assert.True(sheet.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Case_whose_first_contact_was_logged_in_time_is_never_reported_overdue()
    {
        await factory.SettleAsync();
        var @case = await factory.ReportCaseAsync(dangerNow: true);
        var officerId = await factory.WithDbAsync(null, db => db.Users.Where(u => u.Email == Demo.Officer).Select(u => u.Id).SingleAsync());
        await factory.WithDbAsync(@case.OrganisationId, async db =>
        {
            var tracked = await db.Cases.SingleAsync(c => c.Id == @case.Id);
            var now = factory.Time.GetUtcNow();
            Assert.True(tracked.LogContact(ContactMethod.Phone, now, null, officerId, now).Succeeded);
            return await db.SaveChangesAsync();
        });

        factory.Time.SetUtcNow(@case.Due!.Value.AddDays(3));
        await factory.RunClockAsync();

        Assert.Empty(await NotificationsAboutAsync(@case.Id));
    }

    [Fact]
    public async Task Record_only_case_is_never_reported_overdue()
    {
        await factory.SettleAsync();
        var @case = await factory.ReportCaseAsync(wish: "record_only");

        factory.Time.Advance(TimeSpan.FromDays(10));
        await factory.RunClockAsync();

        Assert.Null(@case.Due);
        Assert.Empty(await NotificationsAboutAsync(@case.Id));
    }

    [Fact]
    public async Task Two_clock_runs_at_once_tell_the_officers_about_each_case_once()
    {
        await factory.SettleAsync();
        var cases = new List<ClockCase>();
        for (var i = 0; i < 8; i++) cases.Add(await factory.ReportCaseAsync(dangerNow: true));

        factory.Time.SetUtcNow(cases.Max(c => c.Due!.Value).AddHours(25));
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var clocks = new[] { first, second }.Select(s => s.ServiceProvider.GetRequiredService<CaseClock>()).ToArray();
        // On threads of their own: SQLite's async calls complete synchronously, so without Task.Run
        // the first run would be over before the second began.
        var queued = await Task.WhenAll(clocks.Select(clock => Task.Run(() => clock.RunAsync(CancellationToken.None))));

        Assert.Equal(cases.Count * 2, queued.Sum());
        foreach (var @case in cases)
        {
            var kinds = await NotificationsAboutAsync(@case.Id);
            Assert.Equal([NotificationKind.FirstContactOverdue, NotificationKind.FirstContactLate], kinds.Order());
            var lines = await factory.WithDbAsync(@case.OrganisationId, db => db.CaseEvents
                .Where(e => e.CaseId == @case.Id && (e.Kind == CaseEventKind.FirstContactOverdue || e.Kind == CaseEventKind.FirstContactLate))
                .CountAsync());
            Assert.Equal(2, lines);
        }
    }

    private Task<List<NotificationKind>> NotificationsAboutAsync(Guid subjectId) => factory.ClockNotificationsAboutAsync(subjectId);
}
