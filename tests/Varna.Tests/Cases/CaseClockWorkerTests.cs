using Varna.Features.Notifications;

namespace Varna.Tests.Cases;

// The background worker runs the clock on the injected TimeProvider: when a minute passes, it runs.
public sealed class CaseClockWorkerTests(CaseClockWorkerTests.WorkerFactory factory) : IClassFixture<CaseClockWorkerTests.WorkerFactory>
{
    public sealed class WorkerFactory : ClockFactory
    {
        protected override bool WorkerEnabled => true;
    }

    [Fact]
    public async Task Worker_notices_an_overdue_case_when_the_clock_moves_past_its_deadline()
    {
        var @case = await factory.ReportCaseAsync(dangerNow: true);

        factory.Time.SetUtcNow(@case.Due!.Value.AddMinutes(1));

        var kinds = new List<NotificationKind>();
        for (var attempt = 0; attempt < 100 && !kinds.Contains(NotificationKind.FirstContactOverdue); attempt++)
        {
            await Task.Delay(100);
            kinds = await factory.WithDbAsync(null, db => db.Notifications.Where(n => n.SubjectId == @case.Id).Select(n => n.Kind).ToListAsync());
        }
        Assert.Contains(NotificationKind.FirstContactOverdue, kinds);
    }
}
