using System.Net.Http.Json;
using System.Text.Json;

namespace Varna.Tests.Cases;

// The assessment exists only for the officers of the case's own organisation: everyone else gets 404.
public sealed class AssessmentIsolationTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Theory]
    [InlineData(Demo.Representative)]
    [InlineData(Demo.Analyst)]
    [InlineData(Demo.RegionOfficer)]
    public async Task Anyone_but_the_organisations_officers_gets_404_for_the_assessment_pages_and_api(string email)
    {
        var caseId = await factory.NewCaseAsync();
        var officerApi = await factory.ApiClientAsync(Demo.Officer);
        await officerApi.AssessAsync(caseId, "high", "Hemlig-motivering", ("weapons", "yes", null));
        var pages = await factory.SignedInAsync(email);
        var api = await factory.ApiClientAsync(email);

        var form = await pages.GetAsync($"/arenden/{caseId}/bedomning");
        var version = await pages.GetAsync($"/arenden/{caseId}/bedomning/1");
        var list = await api.GetAsync($"/api/v1/cases/{caseId}/assessments");
        var one = await api.GetAsync($"/api/v1/cases/{caseId}/assessments/1");
        var post = await api.PostAssessmentAsync(caseId, AssessmentArrange.Body("low", "Utifrån.", null));

        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
        Assert.DoesNotContain("Hemlig-motivering", await version.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.DoesNotContain("Hemlig-motivering", await one.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var all = await officerApi.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments");
        Assert.Single(all.EnumerateArray());
        Assert.Equal("high", (await officerApi.CaseAsync(caseId)).GetProperty("concernLevel").GetString());
    }

    [Fact]
    public async Task Other_organisations_officer_posting_the_form_gets_404_and_nothing_is_stored()
    {
        var caseId = await factory.NewCaseAsync();
        var own = await factory.SignedInAsync(Demo.Officer);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await own.GetPageAsync($"/arenden/{caseId}/bedomning")).QuerySelector("form.assessment-form")!;
        var outsider = await factory.SignedInAsync(Demo.RegionOfficer);
        // The outsider needs a form of their own for the antiforgery token: any of theirs will do.
        var theirs = await outsider.GetPageAsync("/");
        var token = theirs.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");

        var response = await outsider.PostAsync($"/arenden/{caseId}/bedomning", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token ?? "",
            ["Input.Level"] = "acute",
            ["Input.Rationale"] = "Utifrån.",
        }));

        Assert.NotNull(form);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var api = await factory.ApiClientAsync(Demo.Officer);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments")).EnumerateArray());
    }
}
