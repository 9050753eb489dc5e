using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

public sealed class MeasureApiTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Officer_adds_a_measure_and_the_case_shows_it_with_a_timeline_line()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var body = MeasuresArrange.ValidMeasure();
        body["ownerOfficerId"] = (await factory.UserIdAsync(Demo.Officer)).ToString();

        var response = await officer.PostJsonAsync($"/api/v1/cases/{caseId}/measures", body);
        var added = await response.JsonAsync(HttpStatusCode.Created);

        Assert.NotNull(response.Headers.Location);
        Assert.Equal("home_security_review", added.TextOrNull("code"));
        Assert.Equal("Fastighetskontoret", added.TextOrNull("owner"));
        Assert.Equal(await factory.UserIdAsync(Demo.Officer), added.GetProperty("ownerOfficer").GetProperty("id").GetGuid());
        var sheet = await officer.CaseAsync(caseId);
        var measure = Assert.Single(sheet.GetProperty("measures").EnumerateArray());
        Assert.Equal(added.Id(), measure.Id());
        Assert.Equal(MeasuresArrange.Today.AddDays(14).ToString("yyyy-MM-dd"), measure.TextOrNull("reviewOn"));
        var line = Assert.Single(sheet.Timeline("measure_added"));
        Assert.Equal("home_security_review", line.TextOrNull("to"));
        Assert.Equal(added.Id().ToString(), line.TextOrNull("relatedId"));
    }

    [Fact]
    public async Task End_date_before_start_date_is_400_naming_endOn_and_nothing_is_stored()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var body = MeasuresArrange.ValidMeasure();
        body["endOn"] = MeasuresArrange.Today.AddDays(-1).ToString("yyyy-MM-dd");

        var problem = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/measures", body)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ProblemErrors("endOn"));
        var sheet = await officer.CaseAsync(caseId);
        Assert.Empty(sheet.GetProperty("measures").EnumerateArray());
        Assert.Empty(sheet.Timeline("measure_added"));
    }

    [Fact]
    public async Task Unknown_measure_code_is_400_listing_the_allowed_codes()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var body = MeasuresArrange.ValidMeasure("bodyguard");
        body["status"] = "paused";

        var problem = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/measures", body)).JsonAsync(HttpStatusCode.BadRequest);

        var code = Assert.Single(problem.ProblemErrors("code"));
        Assert.Contains("bodyguard", code);
        Assert.Contains("support_talk", code);
        Assert.Contains("social_media_review", code);
        Assert.Contains("cancelled", Assert.Single(problem.ProblemErrors("status")));
    }

    [Theory]
    [InlineData(Demo.RegionOfficer)]
    [InlineData(Demo.Representative)]
    public async Task Owner_officer_who_is_not_an_officer_of_the_organisation_is_400_naming_the_field(string email)
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var body = MeasuresArrange.ValidMeasure();
        body["ownerOfficerId"] = (await factory.UserIdAsync(email)).ToString();

        var problem = await (await officer.PostJsonAsync($"/api/v1/cases/{caseId}/measures", body)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ProblemErrors("ownerOfficerId"));
        Assert.Empty((await officer.CaseAsync(caseId)).GetProperty("measures").EnumerateArray());
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_records_the_status_change()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var added = await officer.AddMeasureAsync(caseId);

        var changed = await (await officer.PatchJsonAsync($"/api/v1/cases/{caseId}/measures/{added.Id()}",
            new JsonObject { ["version"] = added.GetProperty("version").GetInt32(), ["status"] = "active", ["reviewOn"] = null }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("active", changed.TextOrNull("status"));
        Assert.Null(changed.TextOrNull("reviewOn"));
        Assert.Equal(added.TextOrNull("owner"), changed.TextOrNull("owner"));
        Assert.Equal(added.TextOrNull("description"), changed.TextOrNull("description"));
        Assert.Equal(added.TextOrNull("startOn"), changed.TextOrNull("startOn"));
        Assert.Equal(added.TextOrNull("endOn"), changed.TextOrNull("endOn"));
        Assert.Equal(added.TextOrNull("code"), changed.TextOrNull("code"));
        Assert.Equal(added.GetProperty("version").GetInt32() + 1, changed.GetProperty("version").GetInt32());
        var line = Assert.Single((await officer.CaseAsync(caseId)).Timeline("measure_changed"));
        Assert.Equal(("planned", "active"), (line.TextOrNull("from"), line.TextOrNull("to")));
    }

    [Fact]
    public async Task Patch_with_a_stale_version_is_409_and_the_first_change_is_kept()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var added = await officer.AddMeasureAsync(caseId);
        var url = $"/api/v1/cases/{caseId}/measures/{added.Id()}";
        var version = added.GetProperty("version").GetInt32();

        await (await officer.PatchJsonAsync(url, new JsonObject { ["version"] = version, ["owner"] = "Polisen" })).JsonAsync(HttpStatusCode.OK);
        var conflict = await officer.PatchJsonAsync(url, new JsonObject { ["version"] = version, ["owner"] = "Vaktbolaget" });

        await conflict.JsonAsync(HttpStatusCode.Conflict);
        var measure = Assert.Single((await officer.CaseAsync(caseId)).GetProperty("measures").EnumerateArray());
        Assert.Equal("Polisen", measure.TextOrNull("owner"));
    }

    [Fact]
    public async Task Patch_with_end_before_start_is_400_and_the_measure_is_unchanged()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var added = await officer.AddMeasureAsync(caseId);

        var problem = await (await officer.PatchJsonAsync($"/api/v1/cases/{caseId}/measures/{added.Id()}", new JsonObject
        {
            ["version"] = added.GetProperty("version").GetInt32(),
            ["status"] = "done",
            ["endOn"] = MeasuresArrange.Today.AddDays(-3).ToString("yyyy-MM-dd"),
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ProblemErrors("endOn"));
        var measure = Assert.Single((await officer.CaseAsync(caseId)).GetProperty("measures").EnumerateArray());
        Assert.Equal(("planned", added.TextOrNull("endOn")), (measure.TextOrNull("status"), measure.TextOrNull("endOn")));
    }

    [Fact]
    public async Task Patch_without_a_version_is_400_naming_version()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var added = await officer.AddMeasureAsync(caseId);

        var problem = await (await officer.PatchJsonAsync($"/api/v1/cases/{caseId}/measures/{added.Id()}",
            new JsonObject { ["status"] = "done" })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ProblemErrors("version"));
    }

    [Fact]
    public async Task Patch_of_a_measure_of_another_case_or_none_is_404()
    {
        var caseId = await factory.NewCaseAsync();
        var otherCaseId = await factory.NewCaseAsync();
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var added = await officer.AddMeasureAsync(caseId);
        var body = new JsonObject { ["version"] = 0, ["status"] = "done" };

        var wrongCase = await officer.PatchJsonAsync($"/api/v1/cases/{otherCaseId}/measures/{added.Id()}", body);
        var noMeasure = await officer.PatchJsonAsync($"/api/v1/cases/{caseId}/measures/{Guid.NewGuid()}", body);
        var noCase = await officer.PostJsonAsync($"/api/v1/cases/{Guid.NewGuid()}/measures", MeasuresArrange.ValidMeasure());

        Assert.Equal(HttpStatusCode.NotFound, wrongCase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noMeasure.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noCase.StatusCode);
    }
}
