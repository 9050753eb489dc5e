using Varna.Features.Notifications;
using Varna.Tests.Reports;

namespace Varna.Tests.Notifications;

// The outbox: notifications are sent once, combined per recipient, and retried when mail fails.
public sealed class NotificationDispatchTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Several_new_reports_waiting_together_become_one_email_per_officer()
    {
        var organisationId = await factory.OrganisationIdAsync("Demo kommun");
        await factory.DeliverNotificationsAsync();
        var before = factory.SentMessages().Length;

        await factory.WithDbAsync(null, db =>
        {
            for (var i = 0; i < 3; i++)
                db.Notifications.Add(Notification.Create(organisationId, NotificationKind.CaseReported, Guid.NewGuid(), null, DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });
        await factory.DeliverNotificationsAsync();

        var mail = factory.SentMessages().Skip(before).ToArray();
        var toOfficer = Assert.Single(mail, m => m.To.Mailboxes.Any(a => a.Address == Demo.Officer));
        Assert.Contains("3 nya rapporter", toOfficer.TextBody);
        Assert.Equal(0, await factory.WithDbAsync(null, db => db.Notifications.CountAsync(n => n.SentAt == null)));
    }

    [Fact]
    public async Task Deactivated_officers_are_not_emailed()
    {
        var organisationId = await factory.OrganisationIdAsync("Demo kommun");
        var email = $"slutat-{Guid.NewGuid():N}@demo.varna.se";
        var former = await factory.CreateAccountAsync(email, Roles.SecurityOfficer, organisationId, Demo.Password);
        await factory.WithDbAsync(null, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == former.Id);
            user.LockoutEnd = DateTimeOffset.MaxValue;
            return await db.SaveChangesAsync();
        });
        await factory.DeliverNotificationsAsync();
        var before = factory.SentMessages().Length;

        await (await factory.ApiClientAsync(Demo.Representative)).SubmitReportAsync();
        await factory.DeliverNotificationsAsync();

        var mail = factory.SentMessages().Skip(before).ToArray();
        Assert.Contains(mail, m => m.To.Mailboxes.Any(a => a.Address == Demo.Officer));
        Assert.DoesNotContain(mail, m => m.To.Mailboxes.Any(a => a.Address == email));
    }
}
