using System.Text.Json;
using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Follow-up reminders: set on any date for oneself or another officer, done once, both in the timeline.
public sealed class CaseFollowUpTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Follow_up_is_set_for_the_caller_by_default_then_marked_done_and_both_are_in_the_timeline()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();
        var myName = await factory.WithDbAsync(null, db => db.Users.Where(u => u.Email == Demo.Officer).Select(u => u.DisplayName).SingleAsync());

        var set = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/follow-ups",
            new JsonObject { ["dueOn"] = "2027-01-15", ["note"] = "Ring efter nämndmötet." })).JsonAsync(HttpStatusCode.Created);
        var followUp = Assert.Single(set.GetProperty("followUps").EnumerateArray());
        var done = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/follow-ups/{followUp.GetProperty("id").GetGuid()}/done"))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("2027-01-15", followUp.GetProperty("dueOn").GetString());
        Assert.Equal("Ring efter nämndmötet.", followUp.GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, followUp.GetProperty("doneAt").ValueKind);
        Assert.Equal(myName, followUp.GetProperty("officer").GetProperty("name").GetString());
        Assert.NotEqual(JsonValueKind.Null, Assert.Single(done.GetProperty("followUps").EnumerateArray()).GetProperty("doneAt").ValueKind);
        Assert.Equal("2027-01-15", Assert.Single(done.Timeline("follow_up_set")).GetProperty("to").GetString());
        Assert.Single(done.Timeline("follow_up_done"));
    }

    [Fact]
    public async Task Follow_up_can_be_given_to_another_officer_of_the_organisation_but_not_to_an_outsider()
    {
        var organisation = await factory.OrganisationIdAsync(ReportsArrange.DemoKommun);
        var colleague = await factory.CreateAccountAsync("kollega.uppfoljning@demo.varna.se", Roles.SecurityOfficer, organisation, Demo.Password, "Kim Kollega");
        var outsider = await factory.WithDbAsync(null, db => db.Users.Where(u => u.Email == Demo.RegionOfficer).Select(u => u.Id).SingleAsync());
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();

        var given = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/follow-ups",
            new JsonObject { ["dueOn"] = "2026-01-01", ["officerId"] = colleague.Id.ToString() })).JsonAsync(HttpStatusCode.Created);
        var refused = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/follow-ups",
            new JsonObject { ["dueOn"] = "2026-01-01", ["officerId"] = outsider.ToString() })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Kim Kollega", Assert.Single(given.GetProperty("followUps").EnumerateArray()).GetProperty("officer").GetProperty("name").GetString());
        Assert.NotEmpty(refused.ProblemErrors("officerId"));
        Assert.Single((await officer.CaseAsync(caseId)).GetProperty("followUps").EnumerateArray());
    }

    [Fact]
    public async Task Follow_up_without_a_valid_date_is_400_naming_due_on()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();

        var missing = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/follow-ups", new JsonObject { ["note"] = "Ring" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var malformed = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/follow-ups", new JsonObject { ["dueOn"] = "15/1" }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(missing.ProblemErrors("dueOn"));
        Assert.Single(malformed.ProblemErrors("dueOn"));
        Assert.Empty((await officer.CaseAsync(caseId)).GetProperty("followUps").EnumerateArray());
    }

    [Fact]
    public async Task Marking_an_unknown_follow_up_done_is_404()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();

        var response = await officer.PostJsonAsync($"/api/v1/cases/{caseId}/follow-ups/{Guid.NewGuid()}/done");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
