using Varna.Features.Cases;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// The timeline on the case page: every line in order, with its time, who did it and a sentence.
public sealed class CaseTimelineTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Timeline_lists_what_happened_oldest_first_with_time_actor_and_sentence()
    {
        var c = await factory.ReportedCaseAsync("Hot vid ett möte.");
        var officer = await factory.ApiClientAsync(Demo.Officer);
        await (await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/messages", new { body = "Hur mår du?" })).JsonAsync(HttpStatusCode.Created);
        await (await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/notes", new { text = "Bör bedömas i dag." })).JsonAsync(HttpStatusCode.Created);

        var page = await (await factory.SignedInAsync(Demo.Officer)).GetPageAsync($"/arenden/{c.CaseId}");

        var lines = page.QuerySelectorAll("ol.timeline > li").ToArray();
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Ärendet öppnades när rapporten kom in, med orosnivån", lines[0].QuerySelector("p:not(.entry-meta)")!.TextContent);
        Assert.Contains("Värna", lines[0].QuerySelector(".entry-meta")!.TextContent);
        Assert.Equal("Ett meddelande skickades till den som rapporterade.", lines[1].QuerySelector("p:not(.entry-meta)")!.TextContent);
        Assert.Contains("Helena Säker", lines[1].QuerySelector(".entry-meta")!.TextContent);
        Assert.Equal("Bör bedömas i dag.", lines[2].QuerySelector(".user-text")!.TextContent);
        var times = lines.Select(l => DateTimeOffset.Parse(l.QuerySelector("time")!.GetAttribute("datetime")!)).ToArray();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task Every_kind_of_line_has_a_sentence_in_Swedish_and_English_with_codes_as_labels()
    {
        var c = await factory.ReportedCaseAsync("Ärende med en lång historia.");
        var orgId = await factory.WithDbAsync(null, db => db.Cases.IgnoreQueryFilters().Where(x => x.Id == c.CaseId).Select(x => x.OrganisationId).SingleAsync());
        await factory.WithDbAsync(orgId, async db =>
        {
            var at = DateTimeOffset.UtcNow;
            foreach (var kind in Enum.GetValues<CaseEventKind>().Where(k => k != CaseEventKind.Opened))
            {
                at = at.AddSeconds(1);
                var (from, to) = kind switch
                {
                    CaseEventKind.ConcernChanged => ("moderate", "high"),
                    CaseEventKind.StatusChanged => ("new", "assessing"),
                    CaseEventKind.Closed => ("measures", "referred"),
                    CaseEventKind.MeasureAdded => (null, "alarm"),
                    CaseEventKind.ContactLogged => (at.ToString("O"), "phone"),
                    _ => ((string?)null, (string?)null),
                };
                db.CaseEvents.Add(CaseEvent.Record(orgId, c.CaseId, kind, null, at, from, to));
            }
            return await db.SaveChangesAsync();
        });
        var officer = await factory.SignedInAsync(Demo.Officer);

        var swedish = await officer.GetPageAsync($"/arenden/{c.CaseId}");
        await officer.SubmitFormAsync($"/arenden/{c.CaseId}", new Dictionary<string, string>(), "form.language-switch");
        var english = await officer.GetPageAsync($"/arenden/{c.CaseId}");

        foreach (var page in new[] { swedish, english })
        {
            var sentences = page.QuerySelectorAll("ol.timeline > li > p:not(.entry-meta):not(.user-text)").Select(p => p.TextContent).ToArray();
            Assert.Equal(Enum.GetValues<CaseEventKind>().Length, sentences.Length);
            Assert.All(sentences, s => Assert.DoesNotContain("Timeline.", s));
        }
        var sv = swedish.Text("ol.timeline");
        var en = english.Text("ol.timeline");
        Assert.Contains("Orosnivån ändrades från ”Måttlig” till ”Hög”.", sv);
        Assert.Contains("Status ändrades från ”Ny” till ”Bedöms”.", sv);
        Assert.Contains("Åtgärden ”Larm” lades till.", sv);
        Assert.Contains("Ärendet avslutades med utfallet ”Överlämnat till polisen eller annan myndighet”", sv);
        Assert.Contains("Kontakt med den förtroendevalda loggades: Telefon,", sv);
        Assert.Contains("The concern level was changed from “Moderate” to “High”.", en);
        Assert.Contains("A follow-up was marked as done.", en);
    }
}
