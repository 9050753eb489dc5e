using System.Net.Http.Json;
using System.Text.Json;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// The threat assessment through /api/v1/cases/{id}/assessments: versions, the decided level, the timeline.
public sealed class AssessmentApiTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Second_assessment_is_version_2_and_version_1_keeps_its_own_answers_and_level()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);

        var first = await api.PostAssessmentAsync(caseId, AssessmentArrange.Body("high", "Direkt hot i ett mejl.", await api.CaseVersionAsync(caseId),
            ("direct_threat", "yes", "Skrev att han vet var jag bor.")));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/api/v1/cases/{caseId}/assessments/1", first.Headers.Location?.OriginalString);
        var second = await api.AssessAsync(caseId, "acute", "Han har setts utanför bostaden med kniv.",
            ("direct_threat", "yes", null), ("weapons", "yes", "Kniv"), ("approach", "yes", null));

        var all = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments");
        var v1 = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments/1");
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal([2, 1], all.EnumerateArray().Select(a => a.GetProperty("version").GetInt32()));
        Assert.Equal("high", v1.GetProperty("level").GetString());
        Assert.Equal("Direkt hot i ett mejl.", v1.GetProperty("rationale").GetString());
        Assert.Equal("yes", v1.AnswerOf("direct_threat"));
        Assert.Equal("Skrev att han vet var jag bor.", v1.NoteOf("direct_threat"));
        Assert.Equal("unknown", v1.AnswerOf("weapons"));
        Assert.Equal(13, v1.GetProperty("answers").GetArrayLength());
        Assert.Equal("acute", (await api.CaseAsync(caseId)).GetProperty("concernLevel").GetString());
    }

    [Fact]
    public async Task Decided_level_is_what_the_case_gets_and_the_suggestion_is_stored_beside_it()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);

        // The factors suggest acute; the officer knows more and decides moderate.
        var recorded = await api.AssessAsync(caseId, "moderate", "Personen är känd och omhändertagen av polisen.",
            ("direct_threat", "yes", null), ("weapons", "yes", null));

        var @case = await api.CaseAsync(caseId);
        Assert.Equal("acute", recorded.GetProperty("suggestedLevel").GetString());
        Assert.Equal("moderate", recorded.GetProperty("level").GetString());
        Assert.Equal("moderate", @case.GetProperty("concernLevel").GetString());
        var concern = Assert.Single(@case.Timeline("concern_changed"));
        Assert.Equal("low", concern.GetProperty("from").GetString());
        Assert.Equal("moderate", concern.GetProperty("to").GetString());
        Assert.Equal("Bedömning version 1", concern.GetProperty("text").GetString());
        var line = Assert.Single(@case.Timeline("assessment_recorded"));
        Assert.Equal("1", line.GetProperty("from").GetString());
        Assert.Equal("moderate", line.GetProperty("to").GetString());
        Assert.Equal(recorded.GetProperty("id").GetGuid(), line.GetProperty("relatedId").GetGuid());
    }

    [Fact]
    public async Task Assessing_a_new_case_moves_it_to_assessing()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        Assert.Equal("new", (await api.CaseAsync(caseId)).GetProperty("status").GetString());

        await api.AssessAsync(caseId, "low", "Obehagligt men inga tecken på att det trappas upp.");

        var @case = await api.CaseAsync(caseId);
        Assert.Equal("assessing", @case.GetProperty("status").GetString());
        var moved = Assert.Single(@case.Timeline("status_changed"));
        Assert.Equal("new", moved.GetProperty("from").GetString());
        Assert.Equal("assessing", moved.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Keeping_the_case_level_adds_no_concern_change_but_still_moves_the_case_version()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        var before = await api.CaseVersionAsync(caseId);

        await api.AssessAsync(caseId, "low", "Inget tyder på att det trappas upp.", ("fixation", "no", null));

        var @case = await api.CaseAsync(caseId);
        Assert.Empty(@case.Timeline("concern_changed"));
        Assert.Equal("low", @case.GetProperty("concernLevel").GetString());
        Assert.True(@case.GetProperty("version").GetInt32() > before);
    }

    [Fact]
    public async Task Two_officers_assessing_from_the_same_version_the_later_gets_409_and_nothing_of_theirs_is_stored()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        var version = await api.CaseVersionAsync(caseId);

        var first = await api.PostAssessmentAsync(caseId, AssessmentArrange.Body("high", "Första bedömningen.", version, ("leakage", "yes", null)));
        var second = await api.PostAssessmentAsync(caseId, AssessmentArrange.Body("low", "Andra bedömningen.", version));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await second.JsonAsync(HttpStatusCode.Conflict);
        var all = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments");
        Assert.Equal("Första bedömningen.", Assert.Single(all.EnumerateArray()).GetProperty("rationale").GetString());
        Assert.Equal("high", (await api.CaseAsync(caseId)).GetProperty("concernLevel").GetString());
    }

    [Fact]
    public async Task Unknown_factor_answer_and_level_codes_are_400_naming_each_field_and_the_allowed_codes()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);

        var response = await api.PostAssessmentAsync(caseId, AssessmentArrange.Body("extreme", "Motivering.", null,
            ("direct_threat", "maybe", null), ("fixation", "no", null), ("knife", "yes", null)));

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("support_network", Assert.Single(problem.ProblemErrors("answers[2].factor")));
        Assert.Contains("unknown, yes, no", Assert.Single(problem.ProblemErrors("answers[0].answer")));
        Assert.Contains("acute", Assert.Single(problem.ProblemErrors("level")));
        Assert.Empty(problem.ProblemErrors("answers[1].factor"));
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments")).EnumerateArray());
    }

    [Fact]
    public async Task A_factor_given_twice_is_400_on_the_second_one()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);

        var response = await api.PostAssessmentAsync(caseId, AssessmentArrange.Body("high", "Motivering.", null,
            ("weapons", "yes", null), ("escalation", "no", null), ("weapons", "no", null)));

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("weapons", Assert.Single(problem.ProblemErrors("answers[2].factor")));
        Assert.Empty(problem.ProblemErrors("answers[0].factor"));
    }

    [Fact]
    public async Task Missing_rationale_and_a_reassessment_date_in_the_past_are_400_and_the_case_is_unchanged()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        var body = AssessmentArrange.Body("high", "   ", null, ("weapons", "yes", null));
        body["reassessOn"] = DateOnly.Parse(AssessmentArrange.Today).AddDays(-1).ToString("yyyy-MM-dd");

        var problem = await (await api.PostAssessmentAsync(caseId, body)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ProblemErrors("rationale"));
        Assert.NotEmpty(problem.ProblemErrors("reassessOn"));
        var @case = await api.CaseAsync(caseId);
        Assert.Equal("new", @case.GetProperty("status").GetString());
        Assert.Equal("low", @case.GetProperty("concernLevel").GetString());
        Assert.Empty(@case.GetProperty("assessments").EnumerateArray());
    }

    [Fact]
    public async Task Reassessment_date_today_is_accepted_and_kept()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        var body = AssessmentArrange.Body("low", "Följ upp i dag.", null);
        body["reassessOn"] = AssessmentArrange.Today;

        var recorded = await (await api.PostAssessmentAsync(caseId, body)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(AssessmentArrange.Today, recorded.GetProperty("reassessOn").GetString());
    }

    [Fact]
    public async Task Unknown_version_of_an_existing_case_is_404()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        await api.AssessAsync(caseId, "low", "Första.");

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/cases/{caseId}/assessments/2")).StatusCode);
    }

    [Fact]
    public async Task Closed_case_cannot_be_assessed_409_until_it_is_reopened()
    {
        var caseId = await factory.NewCaseAsync();
        await factory.WithDbAsync(null, async db =>
        {
            var @case = await db.Cases.IgnoreQueryFilters().SingleAsync(c => c.Id == caseId);
            @case.Close(Varna.Features.Cases.CaseOutcome.NoActionNeeded, null, reporterInformed: true, Guid.NewGuid(), DateTimeOffset.UtcNow);
            foreach (var line in @case.Events) db.Entry(line).State = EntityState.Added;
            return await db.SaveChangesAsync();
        });
        var api = await factory.ApiClientAsync(Demo.Officer);

        var response = await api.PostAssessmentAsync(caseId, AssessmentArrange.Body("high", "För sent.", null, ("weapons", "yes", null)));

        var problem = await response.JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("Assessment.CaseClosed", problem.GetProperty("code").GetString());
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments")).EnumerateArray());
    }

    [Fact]
    public async Task A_null_answer_in_the_list_is_400_naming_it()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        var body = AssessmentArrange.Body("low", "Motivering.", null);
        body["answers"]!.AsArray().Add(null);

        var problem = await (await api.PostAssessmentAsync(caseId, body)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ProblemErrors("answers[0].factor"));
    }
}
