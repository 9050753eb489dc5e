using System.Text.Json;
using Varna.Features.Cases;
using Varna.Infrastructure;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// "Att göra" (/arenden/att-gora) and GET /api/v1/cases/todo: the signed-in officer's own due
// follow-ups, measure reviews and re-assessments, and what falls due in the next two weeks.
public sealed class TodoTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private static DateOnly Today => TimeProvider.System.Today();

    private async Task<Guid> OrganisationAsync() => await factory.OrganisationIdAsync(ReportsArrange.DemoKommun);

    private async Task<Guid> OtherOfficerAsync()
    {
        var email = $"annan-{Guid.NewGuid():N}@demo.varna.se";
        return (await factory.CreateAccountAsync(email, Roles.SecurityOfficer, await OrganisationAsync(), Demo.Password, "Annan Handläggare")).Id;
    }

    private async Task FollowUpAsync(Guid caseId, DateOnly dueOn, string note, Guid officerId) =>
        await factory.WithDbAsync(await OrganisationAsync(), async db =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            db.FollowUps.Add(FollowUp.Set(@case, dueOn, note, officerId, DateTimeOffset.UtcNow).Value!);
            return await db.SaveChangesAsync();
        });

    private async Task MeasureAsync(Guid caseId, MeasureCode code, DateOnly reviewOn, Guid? ownerOfficerId, MeasureStatus status = MeasureStatus.Active) =>
        await factory.WithDbAsync(await OrganisationAsync(), async db =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            var details = new Measure.Details(code, null, "Kommunens säkerhetsenhet", ownerOfficerId, status, Today.AddDays(-30), reviewOn, null);
            db.Measures.Add(Measure.Add(@case, details, DateTimeOffset.UtcNow).Value!);
            return await db.SaveChangesAsync();
        });

    private async Task AssessmentAsync(Guid caseId, int version, DateOnly? reassessOn, Guid actor) =>
        await factory.WithDbAsync(await OrganisationAsync(), async db =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            db.Assessments.Add(Assessment.Record(@case, version, [], ConcernLevel.Moderate, "Bedömd efter samtal.", reassessOn, actor, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

    private static IEnumerable<string> Rows(AngleSharp.Html.Dom.IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"#{table} tbody tr").Select(r => r.TextContent);

    [Fact]
    public async Task Todo_shows_my_due_follow_up_and_measure_review_but_not_another_officers()
    {
        var me = await factory.UserIdAsync(Demo.Officer);
        var other = await OtherOfficerAsync();
        var (caseId, reference) = await factory.NewTypedCaseAsync();
        await FollowUpAsync(caseId, Today.AddDays(-2), "Ring Anna efter nämndmötet", me);
        await FollowUpAsync(caseId, Today.AddDays(-2), "Kolleganstuppföljning", other);
        await MeasureAsync(caseId, MeasureCode.Alarm, Today, me);
        await MeasureAsync(caseId, MeasureCode.Escort, Today, other);
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await officer.GetPageAsync("/arenden/att-gora");

        var due = Rows(page, "todo-due").ToList();
        Assert.Contains(due, r => r.Contains("Ring Anna efter nämndmötet") && r.Contains(Today.AddDays(-2).ToString("yyyy-MM-dd")) && r.Contains(reference));
        Assert.Contains(due, r => r.Contains("Stäm av åtgärden: Larm") && r.Contains(reference));
        Assert.DoesNotContain(due, r => r.Contains("Kolleganstuppföljning"));
        Assert.DoesNotContain(due, r => r.Contains("Följeslagare"));
        Assert.NotNull(page.QuerySelector($"#todo-due a[href='/arenden/{caseId}']"));
        Assert.Equal("page", page.QuerySelector("a[href='/arenden/att-gora']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Measure_without_an_owner_officer_is_reviewed_by_the_cases_assignee()
    {
        var me = await factory.UserIdAsync(Demo.Officer);
        var (mine, _) = await factory.NewTypedCaseAsync();
        var (unassigned, _) = await factory.NewTypedCaseAsync();
        await factory.AssignAsync(mine, me);
        await MeasureAsync(mine, MeasureCode.PoliceProtection, Today.AddDays(-1), null);
        await MeasureAsync(unassigned, MeasureCode.AddressProtection, Today.AddDays(-1), null);
        await MeasureAsync(mine, MeasureCode.ItSecurityReview, Today.AddDays(-1), me, MeasureStatus.Done);
        var api = await factory.ApiClientAsync(Demo.Officer);

        var todo = await (await api.GetAsync("/api/v1/cases/todo")).JsonAsync(HttpStatusCode.OK);

        var measures = todo.GetProperty("due").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "measure_review")
            .Select(i => (i.GetProperty("case").GetProperty("id").GetGuid(), i.GetProperty("measure").GetString())).ToList();
        Assert.Contains((mine, "police_protection"), measures);
        Assert.DoesNotContain((unassigned, "address_protection"), measures);
        Assert.DoesNotContain((mine, "it_security_review"), measures);
    }

    [Fact]
    public async Task Reassessment_is_due_from_the_latest_assessment_of_my_open_case_only()
    {
        var me = await factory.UserIdAsync(Demo.Officer);
        var (due, dueReference) = await factory.NewTypedCaseAsync();
        var (superseded, _) = await factory.NewTypedCaseAsync();
        var (closed, _) = await factory.NewTypedCaseAsync();
        foreach (var id in new[] { due, superseded, closed }) await factory.AssignAsync(id, me);
        await AssessmentAsync(due, 1, Today, me);
        await AssessmentAsync(superseded, 1, Today.AddDays(-10), me);
        await AssessmentAsync(superseded, 2, Today.AddDays(60), me);
        await AssessmentAsync(closed, 1, Today.AddDays(-1), me);
        await factory.StatusAsync(closed, CaseStatus.Closed);
        var officer = await factory.SignedInAsync(Demo.Officer);
        var api = await factory.ApiClientAsync(Demo.Officer);

        var todo = await (await api.GetAsync("/api/v1/cases/todo")).JsonAsync(HttpStatusCode.OK);
        var page = await officer.GetPageAsync("/arenden/att-gora");

        var cases = todo.GetProperty("due").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "reassessment")
            .Select(i => i.GetProperty("case").GetProperty("id").GetGuid()).ToList();
        Assert.Contains(due, cases);
        Assert.DoesNotContain(superseded, cases);
        Assert.DoesNotContain(closed, cases);
        Assert.Contains(Rows(page, "todo-due"), r => r.Contains("Ny bedömning") && r.Contains(dueReference));
    }

    [Fact]
    public async Task Due_items_come_oldest_first_and_the_next_14_days_are_listed_apart()
    {
        var me = await factory.UserIdAsync(Demo.Officer);
        var (caseId, _) = await factory.NewTypedCaseAsync();
        await FollowUpAsync(caseId, Today, "Ordning-i-dag", me);
        await FollowUpAsync(caseId, Today.AddDays(-5), "Ordning-fem-dagar-sedan", me);
        await FollowUpAsync(caseId, Today.AddDays(5), "Ordning-om-fem-dagar", me);
        await FollowUpAsync(caseId, Today.AddDays(20), "Ordning-om-tjugo-dagar", me);
        var api = await factory.ApiClientAsync(Demo.Officer);
        var officer = await factory.SignedInAsync(Demo.Officer);

        var todo = await (await api.GetAsync("/api/v1/cases/todo")).JsonAsync(HttpStatusCode.OK);
        var page = await officer.GetPageAsync("/arenden/att-gora");

        static List<string> Notes(JsonElement list) => list.EnumerateArray().Select(i => i.GetProperty("note").GetString() ?? "")
            .Where(n => n.StartsWith("Ordning-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Ordning-fem-dagar-sedan", "Ordning-i-dag"], Notes(todo.GetProperty("due")));
        Assert.Equal(["Ordning-om-fem-dagar"], Notes(todo.GetProperty("upcoming")));
        var dueDates = todo.GetProperty("due").EnumerateArray().Select(i => DateOnly.Parse(i.GetProperty("dueOn").GetString()!)).ToList();
        Assert.Equal(dueDates.Order(), dueDates);
        Assert.Contains(Rows(page, "todo-upcoming"), r => r.Contains("Ordning-om-fem-dagar"));
        Assert.DoesNotContain(Rows(page, "todo-due"), r => r.Contains("Ordning-om-fem-dagar"));
        Assert.DoesNotContain("Ordning-om-tjugo-dagar", page.Body!.TextContent);
    }
}
