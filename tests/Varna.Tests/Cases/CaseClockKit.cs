using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Varna.Features.Cases;
using Varna.Features.Notifications;
using Varna.Infrastructure;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// The app on a clock the tests move, with the minute-by-minute job off: tests run CaseClock themselves.
public class ClockFactory : VarnaFactory
{
    protected virtual bool WorkerEnabled => false;

    // Starts at the real now, so reports pass the "not in the future" check; tests only move it forward.
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cases:ClockEnabled", WorkerEnabled ? "true" : "false");
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);

    public async Task<int> RunClockAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseClock>().RunAsync(CancellationToken.None);
    }

    public DateOnly Today => Time.Today();
}

public sealed record ClockCase(Guid Id, Guid OrganisationId, string Reference, DateTimeOffset? Due);

public static class CaseClockKit
{
    // Lets every clock that earlier tests left running run out and be told, so a test sees only its own notices.
    public static async Task SettleAsync(this ClockFactory factory)
    {
        factory.Time.Advance(TimeSpan.FromDays(5));
        while (await factory.RunClockAsync() > 0) { }
        await factory.DeliverNotificationsAsync();
    }

    public static async Task<ClockCase> ReportCaseAsync(this ClockFactory factory, string description = "Någon skrev att de vet var jag bor.",
        bool dangerNow = false, string wish = "request_contact")
    {
        var body = ReportsArrange.ValidReport(description);
        body["dangerNow"] = dangerNow;
        body["wish"] = wish;
        var report = await (await factory.ApiClientAsync(Demo.Representative)).SubmitReportAsync(body);
        return await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == report.Id())
            .Join(db.Cases.IgnoreQueryFilters(), r => r.CaseId, c => c.Id, (r, c) => new ClockCase(c.Id, c.OrganisationId, c.Reference, c.AwaitingContactUntil))
            .SingleAsync());
    }

    public static Task<User> OfficerAsync(this ClockFactory factory, Guid organisationId) =>
        factory.CreateAccountAsync($"sakerhet-{Guid.NewGuid():N}@demo.varna.se", Roles.SecurityOfficer, organisationId, Demo.Password);

    public static Task<string[]> OfficerEmailsAsync(this ClockFactory factory, Guid organisationId) =>
        factory.WithDbAsync(null, db => db.OfficersOf(organisationId).Where(u => u.LockoutEnd == null).Select(u => u.Email!).ToArrayAsync());

    // The mail files written so far. Compared by name, not counted: several files written in the
    // same clock tick can list in any order, so "the last n" is not "the n newest".
    public static HashSet<string> MailFiles(this ClockFactory factory) => [.. Directory.GetFiles(factory.MailDirectory, "*.eml")];

    public static MimeKit.MimeMessage[] MailSince(this ClockFactory factory, HashSet<string> before, string? subject = null) =>
        factory.MailFiles().Except(before).Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => subject is null || m.Subject?.Contains(subject) == true).ToArray();

    public static bool IsTo(this MimeKit.MimeMessage mail, string email) => mail.To.Mailboxes.Any(a => a.Address == email);

    private static readonly NotificationKind[] ClockKinds =
        [NotificationKind.FirstContactOverdue, NotificationKind.FirstContactLate, NotificationKind.FollowUpDue, NotificationKind.MeasureReviewDue];

    // What the clock queued about a case, follow-up or measure (a new report's own notice aside).
    public static Task<List<NotificationKind>> ClockNotificationsAboutAsync(this ClockFactory factory, Guid subjectId) =>
        factory.WithDbAsync(null, db => db.Notifications.Where(n => n.SubjectId == subjectId && ClockKinds.Contains(n.Kind)).Select(n => n.Kind).ToListAsync());
}
