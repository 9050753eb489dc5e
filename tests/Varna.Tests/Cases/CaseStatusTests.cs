using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Status through the API: forward only, closing needs an outcome and a told representative,
// reopening needs a reason, and a refused step names where the case stands and where it was asked to go.
public sealed class CaseStatusTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private static readonly string[] Statuses = ["new", "assessing", "measures", "follow_up", "closed"];

    public static TheoryData<string, string, bool> Transitions()
    {
        var data = new TheoryData<string, string, bool>();
        for (var from = 0; from < Statuses.Length; from++)
            for (var to = 0; to < Statuses.Length; to++)
                data.Add(Statuses[from], Statuses[to], Statuses[from] == "closed" ? Statuses[to] != "closed" : to > from);
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Every_status_transition_is_allowed_or_refused_with_409_naming_both_statuses(string from, string to, bool allowed)
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.CaseWithStatusAsync(officer, from);
        var body = new JsonObject { ["status"] = to };
        if (to == "closed") { body["outcome"] = "handled"; body["reporterInformed"] = true; }
        if (from == "closed") body["reason"] = "Nya hot har kommit in.";

        var response = await officer.PostJsonAsync($"/api/v1/cases/{caseId}/status", body);

        if (allowed)
        {
            var changed = await response.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(to, changed.GetProperty("status").GetString());
        }
        else
        {
            var problem = await response.JsonAsync(HttpStatusCode.Conflict);
            Assert.Equal(from, problem.GetProperty("currentStatus").GetString());
            Assert.Equal(to, problem.GetProperty("requestedStatus").GetString());
            Assert.Equal(from, (await officer.CaseAsync(caseId)).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Closing_without_outcome_or_reporter_informed_is_400_naming_both_and_the_case_stays_open()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();

        var problem = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/status", new JsonObject { ["status"] = "closed" }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ProblemErrors("outcome"));
        Assert.NotEmpty(problem.ProblemErrors("reporterInformed"));
        Assert.Equal("new", (await officer.CaseAsync(caseId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Closing_as_other_needs_an_outcome_note()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();

        var problem = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/status",
            new JsonObject { ["status"] = "closed", ["outcome"] = "other", ["reporterInformed"] = true })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ProblemErrors("outcomeNote"));
        Assert.Empty(problem.ProblemErrors("outcome"));
    }

    [Fact]
    public async Task Closed_case_keeps_its_outcome_and_when_the_representative_was_told()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();

        var closed = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/status", new JsonObject
        {
            ["status"] = "closed", ["outcome"] = "referred", ["outcomeNote"] = "Polisen utreder.", ["reporterInformed"] = true,
        })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("referred", closed.GetProperty("outcome").GetString());
        Assert.Equal("Polisen utreder.", closed.GetProperty("outcomeNote").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, closed.GetProperty("reporterInformedAt").ValueKind);
        Assert.Single(closed.Timeline("closed"));
    }

    [Fact]
    public async Task Merged_is_not_an_outcome_to_choose_and_an_unknown_code_lists_the_allowed_ones()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();

        var merged = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/status",
            new JsonObject { ["status"] = "closed", ["outcome"] = "merged", ["reporterInformed"] = true })).JsonAsync(HttpStatusCode.BadRequest);
        var unknown = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/status",
            new JsonObject { ["status"] = "archived" })).JsonAsync(HttpStatusCode.BadRequest);

        var outcomeError = Assert.Single(merged.ProblemErrors("outcome"));
        Assert.Contains("handled", outcomeError);
        Assert.DoesNotContain("merged", outcomeError.Split(':').Last());
        var statusError = Assert.Single(unknown.ProblemErrors("status"));
        Assert.Contains("archived", statusError);
        Assert.Contains("new, assessing, measures, follow_up, closed", statusError);
    }

    [Fact]
    public async Task Reopening_needs_a_reason_which_the_timeline_keeps()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.CaseWithStatusAsync(officer, "closed");

        var refused = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/status", new JsonObject { ["status"] = "assessing" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var reopened = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/status",
            new JsonObject { ["status"] = "assessing", ["reason"] = "Personen har fått ett nytt brev." })).JsonAsync(HttpStatusCode.OK);

        Assert.NotEmpty(refused.ProblemErrors("reason"));
        Assert.Equal("assessing", reopened.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reopened.GetProperty("outcome").ValueKind);
        Assert.Equal("Personen har fått ett nytt brev.", Assert.Single(reopened.Timeline("reopened")).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Two_changes_from_the_same_version_the_second_gets_409_and_the_first_stays()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.NewCaseAsync();
        var version = (await officer.CaseAsync(caseId)).GetProperty("version").GetInt32();

        var first = await officer.PostJsonAsync($"/api/v1/cases/{caseId}/status", new JsonObject { ["status"] = "measures", ["version"] = version });
        var second = await officer.PostJsonAsync($"/api/v1/cases/{caseId}/concern",
            new JsonObject { ["level"] = "acute", ["reason"] = "Hotet är konkret.", ["version"] = version });

        await first.JsonAsync(HttpStatusCode.OK);
        var problem = await second.JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("Case.ChangedMeanwhile", problem.GetProperty("code").GetString());
        var now = await officer.CaseAsync(caseId);
        Assert.Equal("measures", now.GetProperty("status").GetString());
        Assert.Equal("low", now.GetProperty("concernLevel").GetString());
        Assert.Empty(now.Timeline("concern_changed"));
    }
}
