using Varna.Features.Cases;
using Varna.Features.Notifications;

namespace Varna.Tests.Cases;

// The clock's reminders to one officer: a follow-up on its day, a measure on its review date.
public sealed class CaseClockReminderTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    [Fact]
    public async Task Follow_up_mails_its_officer_once_on_its_day()
    {
        await factory.SettleAsync();
        var @case = await factory.ReportCaseAsync();
        var officer = await factory.OfficerAsync(@case.OrganisationId);
        var followUpId = await factory.WithDbAsync(@case.OrganisationId, async db =>
        {
            var loaded = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == @case.Id);
            var followUp = FollowUp.Set(loaded, factory.Today.AddDays(1), "Ring efter nämndmötet.", officer.Id, factory.Time.GetUtcNow()).Value!;
            db.FollowUps.Add(followUp);
            await db.SaveChangesAsync();
            return followUp.Id;
        });
        var before = factory.MailFiles();

        await factory.RunClockAsync();
        Assert.Empty(await NotificationsAboutAsync(followUpId));

        factory.Time.Advance(TimeSpan.FromDays(1));
        await factory.RunClockAsync();
        await factory.RunClockAsync();
        await factory.DeliverNotificationsAsync();

        var mail = Assert.Single(factory.MailSince(before, "Follow-up due"));
        Assert.True(mail.IsTo(officer.Email!));
        Assert.Contains("http://localhost/arenden/att-gora", mail.TextBody);
        Assert.DoesNotContain("nämndmötet", mail.TextBody);
        Assert.Equal([NotificationKind.FollowUpDue], await NotificationsAboutAsync(followUpId));
    }

    [Fact]
    public async Task Measure_review_mails_the_owner_officer_and_a_new_review_date_gets_a_new_reminder()
    {
        await factory.SettleAsync();
        var @case = await factory.ReportCaseAsync();
        var owner = await factory.OfficerAsync(@case.OrganisationId);
        var start = factory.Today;
        Measure.Details Details(DateOnly reviewOn) =>
            new(MeasureCode.HomeSecurityReview, "Larm i hallen", "Fastighetskontoret", owner.Id, MeasureStatus.Active, start, reviewOn, null);
        var measureId = await factory.WithDbAsync(@case.OrganisationId, async db =>
        {
            var loaded = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == @case.Id);
            var measure = Measure.Add(loaded, Details(start.AddDays(2)), factory.Time.GetUtcNow()).Value!;
            db.Measures.Add(measure);
            await db.SaveChangesAsync();
            return measure.Id;
        });
        var before = factory.MailFiles();

        await factory.RunClockAsync();
        Assert.Empty(await NotificationsAboutAsync(measureId));
        factory.Time.Advance(TimeSpan.FromDays(2));
        await factory.RunClockAsync();
        await factory.RunClockAsync();
        await factory.DeliverNotificationsAsync();

        var first = Assert.Single(factory.MailSince(before, "Measure review due"));
        Assert.True(first.IsTo(owner.Email!));
        Assert.Contains("http://localhost/arenden/att-gora", first.TextBody);
        Assert.DoesNotContain("Larm i hallen", first.TextBody);

        await factory.WithDbAsync(@case.OrganisationId, async db =>
        {
            var measure = await db.Measures.SingleAsync(m => m.Id == measureId);
            Assert.True(measure.Change(Details(factory.Today.AddDays(3)), factory.Time.GetUtcNow()).Succeeded);
            return await db.SaveChangesAsync();
        });
        await factory.RunClockAsync();
        Assert.Single(await NotificationsAboutAsync(measureId));

        factory.Time.Advance(TimeSpan.FromDays(3));
        await factory.RunClockAsync();
        await factory.RunClockAsync();
        await factory.DeliverNotificationsAsync();

        var reminders = factory.MailSince(before, "Measure review due");
        Assert.Equal(2, reminders.Length);
        Assert.All(reminders, m => Assert.True(m.IsTo(owner.Email!)));
        Assert.Equal(2, (await NotificationsAboutAsync(measureId)).Count);
    }

    private Task<List<NotificationKind>> NotificationsAboutAsync(Guid subjectId) => factory.ClockNotificationsAboutAsync(subjectId);
}
