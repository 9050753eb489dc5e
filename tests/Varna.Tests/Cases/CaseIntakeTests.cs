using System.Text.Json;
using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Intake through the API: assignment, the contact that stops the first-contact clock, and the concern level.
public sealed class CaseIntakeTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task First_contact_stops_the_clock_and_a_later_contact_only_adds_to_the_timeline()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();
        var before = await officer.CaseAsync(caseId);
        Assert.NotEqual(JsonValueKind.Null, before.GetProperty("awaitingContactUntil").ValueKind);
        var contactedAt = DateTimeOffset.UtcNow.AddMinutes(-20);

        var first = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/contact", new JsonObject
        {
            ["method"] = "phone", ["contactedAt"] = contactedAt.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["note"] = "Ringde upp, hon är lugn.",
        })).JsonAsync(HttpStatusCode.OK);
        var second = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/contact", new JsonObject { ["method"] = "message" }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Null, first.GetProperty("awaitingContactUntil").ValueKind);
        Assert.Equal(contactedAt.ToString("yyyy-MM-ddTHH:mm:ss"), first.GetProperty("firstContactAt").GetDateTimeOffset().ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss"));
        Assert.Equal("phone", second.GetProperty("firstContactMethod").GetString());
        Assert.Equal(first.GetProperty("firstContactAt").GetDateTimeOffset(), second.GetProperty("firstContactAt").GetDateTimeOffset());
        var contacts = second.Timeline("contact_logged").ToList();
        Assert.Equal(["phone", "message"], contacts.Select(c => c.GetProperty("to").GetString()));
        Assert.Equal("Ringde upp, hon är lugn.", contacts[0].GetProperty("text").GetString());
        Assert.False(second.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Contact_time_without_an_offset_is_swedish_time()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();
        var moment = DateTimeOffset.UtcNow.AddHours(-1);
        var swedish = TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));

        var logged = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/contact", new JsonObject
        {
            ["method"] = "in_person", ["contactedAt"] = swedish.ToString("yyyy-MM-ddTHH:mm"),
        })).JsonAsync(HttpStatusCode.OK);

        var stored = logged.GetProperty("firstContactAt").GetDateTimeOffset();
        Assert.Equal(moment.ToUniversalTime().ToString("yyyy-MM-dd HH:mm"), stored.ToUniversalTime().ToString("yyyy-MM-dd HH:mm"));
    }

    [Fact]
    public async Task Unknown_contact_method_and_a_future_contact_are_400_naming_the_field()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();

        var unknown = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/contact", new JsonObject { ["method"] = "pigeon" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var future = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/contact", new JsonObject
        {
            ["method"] = "phone", ["contactedAt"] = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ"),
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains("phone, in_person, message", Assert.Single(unknown.ProblemErrors("method")));
        Assert.NotEmpty(future.ProblemErrors("contactedAt"));
        Assert.Equal(JsonValueKind.Null, (await officer.CaseAsync(caseId)).GetProperty("firstContactAt").ValueKind);
    }

    [Fact]
    public async Task Concern_change_needs_a_reason_and_the_reason_is_kept_in_the_timeline()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();

        var refused = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/concern", new JsonObject { ["level"] = "high", ["reason"] = " " }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var changed = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/concern",
            new JsonObject { ["level"] = "high", ["reason"] = "Avsändaren har hittat hennes adress." })).JsonAsync(HttpStatusCode.OK);

        Assert.NotEmpty(refused.ProblemErrors("reason"));
        Assert.Equal("high", changed.GetProperty("concernLevel").GetString());
        var line = Assert.Single(changed.Timeline("concern_changed"));
        Assert.Equal("low", line.GetProperty("from").GetString());
        Assert.Equal("high", line.GetProperty("to").GetString());
        Assert.Equal("Avsändaren har hittat hennes adress.", line.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Raising_the_concern_to_acute_brings_the_deadline_to_the_organisations_acute_sla()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();
        var acuteHours = await factory.WithDbAsync(null, db => db.Organisations.Where(o => o.Name == ReportsArrange.DemoKommun)
            .Select(o => o.Settings.FirstContactHoursAcute).SingleAsync());

        var changed = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/concern",
            new JsonObject { ["level"] = "acute", ["reason"] = "Hot om våld i hemmet." })).JsonAsync(HttpStatusCode.OK);

        var due = changed.GetProperty("awaitingContactUntil").GetDateTimeOffset();
        Assert.InRange(due, DateTimeOffset.UtcNow.AddHours(acuteHours).AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(acuteHours).AddMinutes(1));
    }

    [Fact]
    public async Task Unknown_concern_level_is_400_listing_the_levels()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();

        var problem = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/concern", new JsonObject { ["level"] = "extreme", ["reason"] = "x" }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains("low, moderate, high, acute", Assert.Single(problem.ProblemErrors("level")));
    }

    [Fact]
    public async Task Officer_assigns_and_releases_the_case_but_not_to_an_officer_of_another_organisation()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();
        var (me, outsider) = await factory.WithDbAsync(null, async db => (
            await db.Users.Where(u => u.Email == Demo.Officer).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == Demo.RegionOfficer).Select(u => u.Id).SingleAsync()));

        var refused = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/assign", new JsonObject { ["officerId"] = outsider.ToString() }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var assigned = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/assign", new JsonObject { ["officerId"] = me.ToString() }))
            .JsonAsync(HttpStatusCode.OK);
        var released = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/assign", new JsonObject { ["officerId"] = null }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.NotEmpty(refused.ProblemErrors("officerId"));
        Assert.Equal(me, assigned.GetProperty("assignee").GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, released.GetProperty("assignee").ValueKind);
        Assert.Single(released.Timeline("unassigned"));
    }
}
