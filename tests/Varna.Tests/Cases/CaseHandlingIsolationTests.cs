using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Intake and status endpoints exist only for the case's own organisation's security officers.
public sealed class CaseHandlingIsolationTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Theory]
    [InlineData(Demo.Representative)]
    [InlineData(Demo.Analyst)]
    [InlineData(Demo.RegionOfficer)]
    public async Task Anyone_but_the_organisations_officers_gets_404_from_every_intake_and_status_endpoint_and_changes_nothing(string email)
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync("Isolerad-intag");
        var followUpId = (await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/follow-ups", new JsonObject { ["dueOn"] = "2027-02-01" }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("followUps")[0].GetProperty("id").GetGuid();
        var before = (await officer.CaseAsync(caseId)).GetProperty("version").GetInt32();
        var other = await factory.ApiClientAsync(email);
        (string Url, JsonObject Body)[] calls =
        [
            ("assign", new JsonObject { ["officerId"] = null }),
            ("contact", new JsonObject { ["method"] = "phone" }),
            ("concern", new JsonObject { ["level"] = "acute", ["reason"] = "Test" }),
            ("status", new JsonObject { ["status"] = "closed", ["outcome"] = "handled", ["reporterInformed"] = true }),
            ("follow-ups", new JsonObject { ["dueOn"] = "2027-01-01" }),
            ($"follow-ups/{followUpId}/done", new JsonObject()),
        ];

        foreach (var (url, body) in calls)
        {
            var response = await other.PostJsonAsync($"/api/v1/cases/{caseId}/{url}", body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email} POST {url}: {response.StatusCode}");
            Assert.DoesNotContain("Isolerad", await response.Content.ReadAsStringAsync());
        }

        var after = await officer.CaseAsync(caseId);
        Assert.Equal(before, after.GetProperty("version").GetInt32());
        Assert.Equal("new", after.GetProperty("status").GetString());
        Assert.Single(after.GetProperty("followUps").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("followUps")[0].GetProperty("doneAt").ValueKind);
    }

    [Fact]
    public async Task Unknown_case_is_404_for_the_organisations_own_officer()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);

        var response = await officer.PostJsonAsync($"/api/v1/cases/{Guid.NewGuid()}/concern", new JsonObject { ["level"] = "high", ["reason"] = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
