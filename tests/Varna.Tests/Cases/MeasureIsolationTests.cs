using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Measures and the police report exist only for the officers of the case's own organisation.
public sealed class MeasureIsolationTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Theory]
    [InlineData(Demo.Representative)]
    [InlineData(Demo.Analyst)]
    [InlineData(Demo.RegionOfficer)]
    public async Task Anyone_but_the_organisations_officers_gets_404_for_measures_and_the_police_report(string email)
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var added = await officer.AddMeasureAsync(caseId);
        var outsider = await factory.ApiClientAsync(email);
        var browser = await factory.SignedInAsync(email);

        var add = await outsider.PostJsonAsync($"/api/v1/cases/{caseId}/measures", MeasuresArrange.ValidMeasure());
        var patch = await outsider.PatchJsonAsync($"/api/v1/cases/{caseId}/measures/{added.Id()}",
            new JsonObject { ["version"] = added.GetProperty("version").GetInt32(), ["owner"] = "Inkräktare" });
        var police = await outsider.PostJsonAsync($"/api/v1/cases/{caseId}/police-report", new JsonObject { ["reported"] = false });
        var editPage = await browser.GetAsync($"/arenden/{caseId}/atgarder/{added.Id()}");

        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, police.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, editPage.StatusCode);
        Assert.DoesNotContain("Fastighetskontoret", await editPage.Content.ReadAsStringAsync());
        var sheet = await officer.CaseAsync(caseId);
        var measure = Assert.Single(sheet.GetProperty("measures").EnumerateArray());
        Assert.Equal("Fastighetskontoret", measure.TextOrNull("owner"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, sheet.GetProperty("policeReport").ValueKind);
    }

    [Fact]
    public async Task Edit_page_of_a_measure_under_another_case_is_404()
    {
        var caseId = await factory.NewCaseAsync();
        var otherCaseId = await factory.NewCaseAsync();
        var added = await (await factory.ApiClientAsync(Demo.Officer)).AddMeasureAsync(caseId);
        var officer = await factory.SignedInAsync(Demo.Officer);

        var response = await officer.GetAsync($"/arenden/{otherCaseId}/atgarder/{added.Id()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
