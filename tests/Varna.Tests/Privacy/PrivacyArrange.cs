using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Varna.Features.Cases;
using Varna.Features.Privacy;
using Varna.Features.Reports;
using Varna.Features.Representatives;
using Varna.Tests.Cases;
using Varna.Tests.Reports;

namespace Varna.Tests.Privacy;

// The app on a clock the tests move forward by months, with the daily retention job and the
// minute-by-minute case clock off: tests run RetentionSweep themselves.
public class PrivacyFactory : VarnaFactory
{
    protected virtual bool RetentionWorker => false;

    // Starts at the real now, so reports pass the "not in the future" check; tests only move it forward.
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cases:ClockEnabled", "false");
        builder.UseSetting("Retention:Enabled", RetentionWorker ? "true" : "false");
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);

    public void AdvanceMonths(int months) => Time.Advance(Time.GetUtcNow().AddMonths(months) - Time.GetUtcNow());

    public async Task<int> SweepAsync(Func<Guid, Task>? afterEachCase = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None, afterEachCase);
    }
}

public sealed record Person(Guid RepresentativeId, Guid UserId, string Email, string FirstName, string LastName);

public sealed record ArrangedCase(Guid CaseId, Guid ReportId, string Reference, Guid EvidenceId);

public static class PrivacyArrange
{
    public static readonly byte[] EvidencePng =
        [.. ReportsArrange.Png, .. "Skärmbild från Facebook med hotet"u8.ToArray()];

    // A representative of the organisation with an account of their own that can sign in and report.
    public static async Task<Person> PersonAsync(this VarnaFactory factory, string organisation = ReportsArrange.DemoKommun,
        string firstName = "Ebba", string? lastName = null)
    {
        lastName ??= "Testsson" + Guid.NewGuid().ToString("N")[..6];
        var email = $"{firstName.ToLowerInvariant()}.{lastName.ToLowerInvariant()}@exempel.se";
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var representativeId = await factory.WithDbAsync(organisationId, async db =>
        {
            var representative = Representative.Create(organisationId,
                new RepresentativeDetails(firstName, lastName, email, "070-123 45 67", Gender.Woman, 1975), DateTimeOffset.UtcNow).Value!;
            representative.AddMandate(new MandateDetails(BodyKind.Committee, "Byggnadsnämnden", MandateRole.Chair, true,
                new DateOnly(2023, 1, 1), null), DateTimeOffset.UtcNow);
            db.Representatives.Add(representative);
            await db.SaveChangesAsync();
            return representative.Id;
        });
        var user = await factory.CreateAccountAsync(email, Roles.Representative, organisationId, Demo.Password, $"{firstName} {lastName}");
        await factory.WithDbAsync(null, async db =>
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.RepresentativeId, representativeId)));
        return new Person(representativeId, user.Id, email, firstName, lastName);
    }

    // A report with every kind of free text, a file, a message each way and an addition.
    public static async Task<ArrangedCase> ReportAsync(this VarnaFactory factory, string reporterEmail, string description)
    {
        var body = ReportsArrange.ValidReport(description);
        body["location"] = "Utanför bostaden på Storgatan 12";
        body["agendaItem"] = "Detaljplan för Norra hamnen";
        body["perpetrator"] = new JsonObject { ["category"] = "citizen", ["identifiers"] = new JsonArray("@hotfull_person", "070-999 88 77") };
        body["reportedToPolice"] = true;
        body["policeReference"] = "5000-K123456-26";
        var reporter = await factory.ApiClientAsync(reporterEmail);
        var report = await reporter.SubmitReportAsync(body);
        var files = await (await reporter.PostAsync($"/api/v1/reports/{report.Id()}/evidence",
            ReportsArrange.Files(("skärmbild hot.png", EvidencePng)))).JsonAsync(HttpStatusCode.Created);
        var supplement = await reporter.PostJsonAsync($"/api/v1/reports/{report.Id()}/supplements", new { text = "Han stod utanför igen i går kväll." });
        Assert.True(supplement.IsSuccessStatusCode, $"Supplement: {supplement.StatusCode}");
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == report.Id()).Select(r => r.CaseId).SingleAsync());
        return new ArrangedCase(caseId, report.Id(), report.GetProperty("reference").GetString()!, files[0].Id());
    }

    // What an officer adds while handling the case: a message, a note, an assessment, a measure,
    // a follow-up and the police report.
    public static async Task HandleAsync(this VarnaFactory factory, ArrangedCase c, string reporterEmail, string officerEmail = Demo.Officer)
    {
        var officer = await factory.ApiClientAsync(officerEmail);
        await (await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/messages", new { reportId = c.ReportId, body = "Har du sparat skärmbilder?" }))
            .JsonAsync(HttpStatusCode.Created);
        // The clock stands still unless moved; the answer comes a minute later, so the order is plain.
        (factory as PrivacyFactory)?.Time.Advance(TimeSpan.FromMinutes(1));
        var reporter = await factory.ApiClientAsync(reporterEmail);
        await (await reporter.PostJsonAsync($"/api/v1/reports/{c.ReportId}/messages", new { body = "Ja, de ligger i rapporten." }))
            .JsonAsync(HttpStatusCode.Created);
        await (await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/notes", new { text = "Grannen Karin såg honom vid porten." }))
            .JsonAsync(HttpStatusCode.Created);
        await officer.AssessAsync(c.CaseId, "high", "Har uppsökt bostaden, känner till familjen.", ("direct_threat", "yes", "Skrev att han vet var barnen går i skolan."));
        await officer.AddMeasureAsync(c.CaseId);
        // A month ahead on the factory's clock, which earlier tests of the class have moved years on.
        var dueOn = ((factory as PrivacyFactory)?.Time.GetUtcNow() ?? DateTimeOffset.UtcNow).AddMonths(1).ToString("yyyy-MM-dd");
        await (await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/follow-ups", new JsonObject { ["dueOn"] = dueOn, ["note"] = "Ring Ebba efter nämndmötet." }))
            .JsonAsync(HttpStatusCode.Created);
        await (await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/police-report", new JsonObject
        {
            ["reported"] = true, ["reportedBy"] = "representative", ["reference"] = "5000-K123456-26", ["outcome"] = "prosecuted", ["outcomeNote"] = "Åtal väckt mot grannen.",
        })).JsonAsync(HttpStatusCode.OK);
    }

    public static async Task CloseAsync(this VarnaFactory factory, Guid caseId, string officerEmail = Demo.Officer)
    {
        var officer = await factory.ApiClientAsync(officerEmail);
        await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/status",
            new JsonObject { ["status"] = "closed", ["outcome"] = "handled", ["reporterInformed"] = true, ["outcomeNote"] = "Ebba nöjd med åtgärderna." }))
            .JsonAsync(HttpStatusCode.OK);
    }

    public static Task<Case> CaseRowAsync(this VarnaFactory factory, Guid caseId) =>
        factory.WithDbAsync(null, db => db.Cases.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == caseId));

    public static Task<Report> ReportRowAsync(this VarnaFactory factory, Guid reportId) =>
        factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == reportId));

    public static Task<int> AuditCountAsync(this VarnaFactory factory, Guid caseId, Varna.Features.Audit.AuditAction action) =>
        factory.WithDbAsync(null, db => db.AuditEntries.CountAsync(a => a.CaseId == caseId && a.Action == action));
}
