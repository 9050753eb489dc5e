using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Varna.Data;
using Varna.Features.Audit;
using Varna.Features.Cases;
using Varna.Features.Organisations;
using Varna.Tests.Cases;
using Varna.Infrastructure;
using Varna.Tests.Reports;

namespace Varna.Tests.Privacy;

// A retention run that stops half-way (crash, shutdown) loses nothing and does nothing twice.
public sealed class RetentionRecoveryTests(PrivacyFactory factory) : IClassFixture<PrivacyFactory>
{
    private const string Narrative = "Han skrev att han vet var Ebba bor och att hon borde flytta.";

    [Fact]
    public async Task A_sweep_that_stops_after_the_first_case_leaves_the_rest_intact_and_the_next_run_finishes_them_once()
    {
        var person = await factory.PersonAsync();
        var cases = new List<ArrangedCase>();
        for (var i = 0; i < 3; i++)
        {
            var c = await factory.ReportAsync(person.Email, $"{Narrative} ({i})");
            await factory.CloseAsync(c.CaseId);
            cases.Add(c);
        }
        var mine = cases.Select(c => c.CaseId).ToHashSet();
        factory.AdvanceMonths(25);

        var crash = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SweepAsync(id =>
            mine.Contains(id) ? throw new InvalidOperationException("Power cut") : Task.CompletedTask));
        Assert.Equal("Power cut", crash.Message);

        var erased = new List<ArrangedCase>();
        foreach (var c in cases)
        {
            if ((await factory.CaseRowAsync(c.CaseId)).PersonalDataErasedAt is not null) erased.Add(c);
        }
        var first = Assert.Single(erased);
        var firstErasedAt = (await factory.CaseRowAsync(first.CaseId)).PersonalDataErasedAt;
        Assert.Equal("", (await factory.ReportRowAsync(first.ReportId)).Description);
        foreach (var untouched in cases.Except(erased))
        {
            Assert.StartsWith(Narrative, (await factory.ReportRowAsync(untouched.ReportId)).Description);
            Assert.Equal(1, await factory.WithDbAsync(null, db => db.EvidenceContents.IgnoreQueryFilters().CountAsync(x => x.EvidenceId == untouched.EvidenceId)));
        }

        await factory.SweepAsync();
        await factory.SweepAsync();

        foreach (var c in cases)
        {
            Assert.NotNull((await factory.CaseRowAsync(c.CaseId)).PersonalDataErasedAt);
            Assert.Equal("", (await factory.ReportRowAsync(c.ReportId)).Description);
            Assert.Equal(1, await factory.AuditCountAsync(c.CaseId, AuditAction.RetentionErased));
        }
        // Not erased a second time: the first run's mark stands.
        Assert.Equal(firstErasedAt, (await factory.CaseRowAsync(first.CaseId)).PersonalDataErasedAt);
    }

    [Fact]
    public async Task A_case_erased_without_its_audit_line_gets_the_line_on_the_next_run()
    {
        var person = await factory.PersonAsync();
        var c = await factory.ReportAsync(person.Email, Narrative);
        await factory.CloseAsync(c.CaseId);
        factory.AdvanceMonths(25);
        // The crash between the case's commit and its audit line: erased, but not logged.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<Varna.Features.Privacy.RetentionEraser>()
                .EraseAsync(c.CaseId == Guid.Empty ? Guid.Empty : (await factory.CaseRowAsync(c.CaseId)).OrganisationId, c.CaseId, factory.Time.GetUtcNow(), CancellationToken.None));
            await transaction.CommitAsync();
        }
        Assert.Equal(0, await factory.AuditCountAsync(c.CaseId, AuditAction.RetentionErased));

        factory.Time.Advance(TimeSpan.FromHours(2));
        await factory.SweepAsync();
        await factory.SweepAsync();

        var line = await factory.WithDbAsync(null, db => db.AuditEntries.SingleAsync(a => a.CaseId == c.CaseId && a.Action == AuditAction.RetentionErased));
        Assert.StartsWith("recorded_late", line.Detail);
    }
}
