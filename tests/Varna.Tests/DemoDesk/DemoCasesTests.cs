using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Varna.Tests.DemoDesk;

// `dotnet run` shows a desk with work on it: the demo officer's inbox has cases in every stage,
// the most urgent first, and every case page opens with its history.
public sealed class DemoCasesTests(DemoCasesTests.DemoDeskFactory factory) : IClassFixture<DemoCasesTests.DemoDeskFactory>
{
    public sealed class DemoDeskFactory : VarnaFactory
    {
        protected override bool DemoCases => true;
    }

    [Fact]
    public async Task Demo_officer_finds_the_late_home_visit_first_and_every_open_stage_in_the_inbox()
    {
        var officer = await factory.ApiClientAsync(Demo.Officer);

        var inbox = (await officer.GetFromJsonAsync<JsonObject>("/api/v1/cases"))!["items"]!.AsArray();

        Assert.Equal("DEMO-2026-0003", inbox[0]!["reference"]!.GetValue<string>());
        Assert.True(inbox[0]!["overdue"]!.GetValue<bool>());
        Assert.Equal("DEMO-2026-0005", inbox[1]!["reference"]!.GetValue<string>());
        var statuses = inbox.Select(c => c!["status"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "new", "measures", "follow_up" }, statuses);
        Assert.DoesNotContain(inbox, c => c!["reference"]!.GetValue<string>() == "DEMO-2026-0002");
    }

    [Fact]
    public async Task Every_demo_case_page_opens_with_its_timeline_and_the_long_case_holds_two_assessments()
    {
        var api = await factory.ApiClientAsync(Demo.Officer);
        var pages = await factory.SignedInAsync(Demo.Officer);
        var ids = await factory.WithDbAsync(null, db => db.Cases.IgnoreQueryFilters().OrderBy(c => c.Sequence).Select(c => new { c.Id, c.Reference }).ToListAsync());

        foreach (var c in ids)
        {
            var page = await pages.GetPageAsync($"/arenden/{c.Id}");
            Assert.Contains(c.Reference, page.QuerySelector("h1")!.TextContent);
            Assert.NotEmpty(page.QuerySelectorAll("ol.timeline > li"));
        }
        var first = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{ids[0].Id}"))!;
        Assert.Equal(2, first["assessments"]!.AsArray().Count);
        Assert.Equal("5000-K123456-26", first["policeReport"]!["reference"]!.GetValue<string>());
        Assert.Single(first["links"]!.AsArray());
    }

    [Fact]
    public async Task Demo_representative_sees_the_officers_message_in_my_reports()
    {
        var representative = await factory.ApiClientAsync(Demo.Representative);

        var mine = (await representative.GetFromJsonAsync<JsonArray>("/api/v1/reports/mine"))!;
        var threat = mine.Single(r => r!["reference"]!.GetValue<string>() == "DEMO-2026-0001")!;
        var messages = (await representative.GetFromJsonAsync<JsonArray>($"/api/v1/reports/{threat["id"]}/messages"))!;

        Assert.Equal(2, mine.Count);
        Assert.Contains(messages, m => m!["body"]!.GetValue<string>().StartsWith("Hej! Tack för att du rapporterade"));
    }
}
