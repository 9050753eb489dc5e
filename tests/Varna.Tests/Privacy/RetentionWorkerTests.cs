namespace Varna.Tests.Privacy;

// The daily job runs the retention rule on the injected TimeProvider: when a day passes, it runs.
public sealed class RetentionWorkerTests(RetentionWorkerTests.WorkerFactory factory) : IClassFixture<RetentionWorkerTests.WorkerFactory>
{
    public sealed class WorkerFactory : PrivacyFactory
    {
        protected override bool RetentionWorker => true;
    }

    [Fact]
    public async Task The_daily_job_erases_a_case_once_its_retention_period_has_passed()
    {
        var person = await factory.PersonAsync();
        var c = await factory.ReportAsync(person.Email, "Hot som ska gallras av nattjobbet.");
        await factory.CloseAsync(c.CaseId);

        factory.AdvanceMonths(24);
        factory.Time.Advance(TimeSpan.FromDays(2));

        DateTimeOffset? erasedAt = null;
        for (var attempt = 0; attempt < 100 && erasedAt is null; attempt++)
        {
            await Task.Delay(100);
            erasedAt = (await factory.CaseRowAsync(c.CaseId)).PersonalDataErasedAt;
        }
        Assert.NotNull(erasedAt);
        Assert.Equal("", (await factory.ReportRowAsync(c.ReportId)).Description);
    }
}
