using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Notes, messages and links exist only for the security officers of the case's own organisation.
public sealed class CaseNotesLinksAccessTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    public static TheoryData<string> Outsiders => [Demo.Representative, Demo.Analyst, Demo.Admin, Demo.RegionOfficer];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Everyone_but_the_organisations_officers_gets_404_for_notes_messages_and_links(string email)
    {
        var c = await factory.ReportedCaseAsync("Hemlig-berättelse om ett hot.");
        var other = await factory.ReportedCaseAsync("Ett annat ärende.");
        var outsider = await factory.ApiClientAsync(email);

        var responses = new[]
        {
            await outsider.PostJsonAsync($"/api/v1/cases/{c.CaseId}/notes", new { text = "Intrång" }),
            await outsider.GetAsync($"/api/v1/cases/{c.CaseId}/messages"),
            await outsider.PostJsonAsync($"/api/v1/cases/{c.CaseId}/messages", new { body = "Intrång" }),
            await outsider.PostJsonAsync($"/api/v1/cases/{c.CaseId}/links", new { reference = other.Reference, reason = "campaign" }),
            await outsider.PostJsonAsync($"/api/v1/cases/{c.CaseId}/links", new { reference = other.Reference, merge = true }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        foreach (var response in responses) Assert.DoesNotContain("Hemlig", await response.Content.ReadAsStringAsync());
        var sheet = await (await factory.ApiClientAsync(Demo.Officer)).CaseAsync(c.CaseId);
        Assert.Empty(sheet.Lines("note_added"));
        Assert.Empty(sheet.GetProperty("links").EnumerateArray());
        Assert.Equal("new", sheet.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_case_gets_404_from_every_endpoint()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var id = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostJsonAsync($"/api/v1/cases/{id}/notes", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/cases/{id}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostJsonAsync($"/api/v1/cases/{id}/messages", new { body = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostJsonAsync($"/api/v1/cases/{id}/links", new { reference = "DEMO-2026-0001", reason = "other" })).StatusCode);
    }
}
