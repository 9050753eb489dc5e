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

// The retention rule: N months after closure a case's personal data goes and the anonymised
// statistical fact stays. Each test arranges its own cases and only moves the clock forward.
public sealed class RetentionTests(PrivacyFactory factory) : IClassFixture<PrivacyFactory>
{
    private const string Narrative = "Han skrev att han vet var Ebba bor och att hon borde flytta.";

    [Fact]
    public async Task Case_closed_25_months_ago_loses_its_personal_data_and_keeps_the_statistical_facts()
    {
        var person = await factory.PersonAsync();
        var c = await factory.ReportAsync(person.Email, Narrative);
        await factory.HandleAsync(c, person.Email);
        await factory.CloseAsync(c.CaseId);
        var before = await factory.ReportRowAsync(c.ReportId);

        factory.AdvanceMonths(25);
        await factory.SweepAsync();

        var @case = await factory.CaseRowAsync(c.CaseId);
        // The database keeps fewer sub-second digits than DateTimeOffset has.
        Assert.InRange(@case.PersonalDataErasedAt!.Value, factory.Time.GetUtcNow().AddMilliseconds(-1), factory.Time.GetUtcNow());
        Assert.Null(@case.RepresentativeId);
        Assert.Null(@case.OutcomeNote);
        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Equal(CaseOutcome.Handled, @case.Outcome);
        Assert.Equal(ConcernLevel.High, @case.ConcernLevel);

        var report = await factory.ReportRowAsync(c.ReportId);
        Assert.Equal("", report.Description);
        Assert.Null(report.Location);
        Assert.Null(report.AgendaItem);
        Assert.Null(report.PoliceReference);
        Assert.Null(report.RepresentativeId);
        Assert.Empty(report.PerpetratorIdentifiers);
        Assert.Equal(before.Types, report.Types);
        Assert.Equal(before.Channel, report.Channel);
        Assert.Equal(before.PerpetratorCategory, report.PerpetratorCategory);
        // 2026-11-20 becomes November 2026, Swedish time.
        var month = TimeZoneInfo.ConvertTime(report.OccurredAt, Swedish.TimeZone);
        Assert.Equal((2026, 11, 1, 0, 0), (month.Year, month.Month, month.Day, month.Hour, month.Minute));
        Assert.False(report.OccurredTimeKnown);

        var left = await factory.WithDbAsync(null, async db => new
        {
            Evidence = await db.Evidence.IgnoreQueryFilters().CountAsync(e => e.ReportId == c.ReportId),
            Bytes = await db.EvidenceContents.IgnoreQueryFilters().CountAsync(x => x.EvidenceId == c.EvidenceId),
            Messages = await db.ReportMessages.IgnoreQueryFilters().CountAsync(m => m.ReportId == c.ReportId),
            Supplements = await db.ReportSupplements.IgnoreQueryFilters().CountAsync(s => s.ReportId == c.ReportId),
            FollowUps = await db.FollowUps.IgnoreQueryFilters().CountAsync(f => f.CaseId == c.CaseId),
            Events = await db.CaseEvents.IgnoreQueryFilters().Where(e => e.CaseId == c.CaseId).ToListAsync(),
            Assessments = await db.Assessments.IgnoreQueryFilters().Where(a => a.CaseId == c.CaseId).ToListAsync(),
            Measures = await db.Measures.IgnoreQueryFilters().Where(m => m.CaseId == c.CaseId).ToListAsync(),
            Police = await db.PoliceReports.IgnoreQueryFilters().SingleAsync(p => p.CaseId == c.CaseId),
        });
        Assert.Equal((0, 0, 0, 0, 0), (left.Evidence, left.Bytes, left.Messages, left.Supplements, left.FollowUps));
        Assert.All(left.Events, e => Assert.Null(e.Text));
        Assert.Contains(left.Events, e => e.Kind == CaseEventKind.NoteAdded);
        Assert.Contains(left.Events, e => e.Kind == CaseEventKind.Closed);
        var assessment = Assert.Single(left.Assessments);
        Assert.Equal("", assessment.Rationale);
        Assert.Equal(ConcernLevel.High, assessment.Level);
        Assert.All(assessment.Answers, a => Assert.Null(a.Note));
        var measure = Assert.Single(left.Measures);
        Assert.Equal(MeasureCode.HomeSecurityReview, measure.Code);
        Assert.Equal(MeasureStatus.Planned, measure.Status);
        Assert.Null(measure.Description);
        Assert.Equal("", measure.Owner);
        Assert.True(left.Police.Reported);
        Assert.Equal(PoliceOutcome.Prosecuted, left.Police.Outcome);
        Assert.Null(left.Police.Reference);
        Assert.Null(left.Police.OutcomeNote);

        var audit = await factory.WithDbAsync(null, db => db.AuditEntries.SingleAsync(a => a.CaseId == c.CaseId && a.Action == AuditAction.RetentionErased));
        Assert.Contains("evidence=1", audit.Detail);
        Assert.Contains("messages=2", audit.Detail);
    }

    [Fact]
    public async Task Case_closed_23_months_ago_is_kept_whole()
    {
        var person = await factory.PersonAsync();
        var c = await factory.ReportAsync(person.Email, Narrative);
        await factory.CloseAsync(c.CaseId);

        factory.AdvanceMonths(23);
        await factory.SweepAsync();

        Assert.Null((await factory.CaseRowAsync(c.CaseId)).PersonalDataErasedAt);
        Assert.Equal(Narrative, (await factory.ReportRowAsync(c.ReportId)).Description);
        Assert.Equal(1, await factory.WithDbAsync(null, db => db.EvidenceContents.IgnoreQueryFilters().CountAsync(x => x.EvidenceId == c.EvidenceId)));
    }

    [Fact]
    public async Task Organisation_keeping_cases_six_months_erases_them_after_seven_while_the_default_keeps_them()
    {
        var regionId = await factory.OrganisationIdAsync(ReportsArrange.Exempelregionen);
        await factory.WithDbAsync(regionId, async db =>
        {
            var region = await db.Organisations.SingleAsync(o => o.Id == regionId);
            Assert.Empty(region.ChangeSettings(region.Settings with { RetentionMonthsAfterClosure = 6 }));
            return await db.SaveChangesAsync();
        });
        var regional = await factory.PersonAsync(ReportsArrange.Exempelregionen);
        var inRegion = await factory.ReportAsync(regional.Email, Narrative);
        await factory.CloseAsync(inRegion.CaseId, Demo.RegionOfficer);
        var local = await factory.PersonAsync();
        var inKommun = await factory.ReportAsync(local.Email, Narrative);
        await factory.CloseAsync(inKommun.CaseId);

        factory.AdvanceMonths(5);
        await factory.SweepAsync();
        Assert.Null((await factory.CaseRowAsync(inRegion.CaseId)).PersonalDataErasedAt);

        factory.AdvanceMonths(2);
        await factory.SweepAsync();
        Assert.NotNull((await factory.CaseRowAsync(inRegion.CaseId)).PersonalDataErasedAt);
        Assert.Equal("", (await factory.ReportRowAsync(inRegion.ReportId)).Description);
        Assert.Null((await factory.CaseRowAsync(inKommun.CaseId)).PersonalDataErasedAt);
        Assert.Equal(Narrative, (await factory.ReportRowAsync(inKommun.ReportId)).Description);
    }

    [Fact]
    public async Task Open_cases_are_never_erased_however_old()
    {
        var person = await factory.PersonAsync();
        var c = await factory.ReportAsync(person.Email, Narrative);

        factory.AdvanceMonths(60);
        await factory.SweepAsync();

        Assert.Null((await factory.CaseRowAsync(c.CaseId)).PersonalDataErasedAt);
        Assert.Equal(Narrative, (await factory.ReportRowAsync(c.ReportId)).Description);
    }

    [Fact]
    public async Task Record_only_reports_follow_the_same_rule()
    {
        var person = await factory.PersonAsync();
        var body = ReportsArrange.ValidReport(Narrative);
        body["wish"] = "record_only";
        var report = await (await factory.ApiClientAsync(person.Email)).SubmitReportAsync(body);
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == report.Id()).Select(r => r.CaseId).SingleAsync());
        await factory.CloseAsync(caseId);

        factory.AdvanceMonths(25);
        await factory.SweepAsync();

        Assert.NotNull((await factory.CaseRowAsync(caseId)).PersonalDataErasedAt);
        Assert.Equal("", (await factory.ReportRowAsync(report.Id())).Description);
    }

    [Fact]
    public async Task Evidence_bytes_are_deleted_from_the_database_with_secure_delete_on()
    {
        var person = await factory.PersonAsync();
        var c = await factory.ReportAsync(person.Email, Narrative);
        await factory.CloseAsync(c.CaseId);

        factory.AdvanceMonths(25);
        await factory.SweepAsync();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM evidence_contents WHERE evidence_id = @id";
            var parameter = count.CreateParameter();
            parameter.ParameterName = "@id";
            // Guids are stored as text on SQLite (upper case) and as uuid on PostgreSQL.
            parameter.Value = connection is SqliteConnection ? c.EvidenceId.ToString().ToUpperInvariant() : c.EvidenceId;
            count.Parameters.Add(parameter);
            Assert.Equal(0L, Convert.ToInt64(await count.ExecuteScalarAsync()));
            if (connection is SqliteConnection)
            {
                // Freed pages are overwritten with zeros, so the encrypted bytes do not linger in the file.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA secure_delete";
                Assert.Equal(1L, Convert.ToInt64(await pragma.ExecuteScalarAsync()));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Merged_case_is_erased_with_the_case_it_was_merged_into_not_before()
    {
        var person = await factory.PersonAsync();
        var merged = await factory.ReportAsync(person.Email, Narrative);
        var target = await factory.ReportAsync(person.Email, Narrative + " Igen.");
        var officer = await factory.ApiClientAsync(Demo.Officer);
        await (await officer.PostJsonAsync($"/api/v1/cases/{merged.CaseId}/links", new { caseId = target.CaseId, merge = true }))
            .JsonAsync(HttpStatusCode.OK);

        factory.AdvanceMonths(25);
        await factory.SweepAsync();
        Assert.Null((await factory.CaseRowAsync(merged.CaseId)).PersonalDataErasedAt);

        await factory.CloseAsync(target.CaseId);
        factory.AdvanceMonths(25);
        await factory.SweepAsync();

        Assert.NotNull((await factory.CaseRowAsync(merged.CaseId)).PersonalDataErasedAt);
        Assert.NotNull((await factory.CaseRowAsync(target.CaseId)).PersonalDataErasedAt);
        // The merged case's report moved to the target and was erased with it.
        Assert.Equal("", (await factory.ReportRowAsync(merged.ReportId)).Description);
    }

    [Fact]
    public async Task Officer_sees_on_the_case_page_that_the_personal_data_was_erased_under_the_retention_rule_and_the_facts_remain()
    {
        var person = await factory.PersonAsync();
        var c = await factory.ReportAsync(person.Email, Narrative);
        await factory.CloseAsync(c.CaseId);
        factory.AdvanceMonths(25);
        await factory.SweepAsync();
        var erasedOn = Swedish.DateOf(factory.Time.GetUtcNow()).ToString("yyyy-MM-dd");

        var officer = await factory.SignedInAsync(Demo.Officer);
        var page = await officer.GetPageAsync($"/arenden/{c.CaseId}");

        var notice = page.QuerySelector("#personal-data-erased")?.TextContent ?? "";
        Assert.Contains("raderades " + erasedOn, notice);
        Assert.Contains("gallringsregeln", notice);
        Assert.DoesNotContain(Narrative, page.Body!.TextContent);
        var api = await factory.ApiClientAsync(Demo.Officer);
        var sheet = await api.CaseAsync(c.CaseId);
        Assert.Equal("closed", sheet.GetProperty("status").GetString());
        Assert.Equal("hate_speech", sheet.GetProperty("reports")[0].GetProperty("report").GetProperty("types")[0].GetString());
        Assert.Equal(JsonValueKind.String, sheet.GetProperty("personalDataErasedAt").ValueKind);
    }

    [Fact]
    public async Task Erased_case_cannot_be_reopened()
    {
        var person = await factory.PersonAsync();
        var c = await factory.ReportAsync(person.Email, Narrative);
        await factory.CloseAsync(c.CaseId);
        factory.AdvanceMonths(25);
        await factory.SweepAsync();

        var officer = await factory.ApiClientAsync(Demo.Officer);
        var response = await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/status", new { status = "assessing", reason = "Nytt hot" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(CaseStatus.Closed, (await factory.CaseRowAsync(c.CaseId)).Status);
    }

    [Fact]
    public async Task The_reporter_no_longer_sees_a_report_whose_case_was_erased()
    {
        var person = await factory.PersonAsync();
        var kept = await factory.ReportAsync(person.Email, Narrative + " Kvar.");
        var c = await factory.ReportAsync(person.Email, Narrative);
        await factory.CloseAsync(c.CaseId);
        factory.AdvanceMonths(25);
        await factory.SweepAsync();

        var reporter = await factory.ApiClientAsync(person.Email);
        var mine = await (await reporter.GetAsync("/api/v1/reports/mine")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal([kept.ReportId], mine.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/api/v1/reports/{c.ReportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/api/v1/reports/{c.ReportId}/evidence/{c.EvidenceId}")).StatusCode);
    }
}
