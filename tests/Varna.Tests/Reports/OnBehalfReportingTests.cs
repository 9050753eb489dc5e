using System.Net.Http.Json;
using System.Text.Json;

namespace Varna.Tests.Reports;

// A security officer registers a report received by phone, letter or in person, for a
// representative of their own organisation, and it is recorded as such.
public sealed class OnBehalfReportingTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Officer_report_on_behalf_records_the_representative_and_how_it_came_in()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var representativeId = await RepresentativeOfDemoUserAsync();
        var body = ReportsArrange.ValidReport("Ringde in: hotfullt brev i brevlådan.");
        body["onBehalfOfRepresentativeId"] = representativeId.ToString();
        body["receivedVia"] = "phone";
        body["channel"] = "letter_parcel";

        var created = await officer.SubmitReportAsync(body);
        var stored = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{created.Id()}");

        Assert.Equal(representativeId, stored.GetProperty("representativeId").GetGuid());
        Assert.Equal("phone", stored.GetProperty("receivedVia").GetString());
        // The representative sees it among their own reports, marked as registered for them.
        var representative = await factory.ApiClientAsync(Demo.Representative);
        var mine = await representative.GetFromJsonAsync<JsonElement>("/api/v1/reports/mine");
        var listed = Assert.Single(mine.EnumerateArray(), r => r.Id() == created.Id());
        Assert.True(listed.GetProperty("onBehalf").GetBoolean());
    }

    [Fact]
    public async Task Own_report_is_recorded_as_self_service()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);

        var created = await client.SubmitReportAsync();
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{created.Id()}");

        Assert.Equal("self_service", stored.GetProperty("receivedVia").GetString());
        Assert.Equal(await RepresentativeOfDemoUserAsync(), stored.GetProperty("representativeId").GetGuid());
    }

    [Fact]
    public async Task Officer_cannot_report_for_a_representative_of_another_organisation()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var regionId = await factory.OrganisationIdAsync(ReportsArrange.Exempelregionen);
        var foreign = await factory.WithDbAsync(regionId, db => db.Representatives.Select(r => r.Id).FirstAsync());
        var before = await factory.ReportCountAsync(ReportsArrange.Exempelregionen);
        var body = ReportsArrange.ValidReport();
        body["onBehalfOfRepresentativeId"] = foreign.ToString();
        body["receivedVia"] = "letter";

        var problem = await (await officer.PostReportAsync(body)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ProblemErrors("onBehalfOfRepresentativeId"));
        Assert.Equal(before, await factory.ReportCountAsync(ReportsArrange.Exempelregionen));
    }

    [Fact]
    public async Task Unknown_intake_method_is_named_with_the_allowed_ones()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var body = ReportsArrange.ValidReport();
        body["onBehalfOfRepresentativeId"] = (await RepresentativeOfDemoUserAsync()).ToString();
        body["receivedVia"] = "self_service";

        var problem = await (await officer.PostReportAsync(body)).JsonAsync(HttpStatusCode.BadRequest);

        var message = Assert.Single(problem.ProblemErrors("receivedVia"));
        Assert.Contains("in_person", message);
    }

    private Task<Guid> RepresentativeOfDemoUserAsync() =>
        factory.WithDbAsync(null, db => db.Users.Where(u => u.Email == Demo.Representative).Select(u => u.RepresentativeId!.Value).SingleAsync());
}
