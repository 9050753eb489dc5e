using System.Net.Http.Json;
using System.Text.Json;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Internal notes: in the officer's timeline and the case API, never anywhere the reporter looks.
public sealed class CaseNotesTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Officer_writes_a_note_on_the_case_page_and_it_shows_in_the_timeline_and_the_api()
    {
        var c = await factory.ReportedCaseAsync("Brev med hot i brevlådan.");
        var officer = await factory.SignedInAsync(Demo.Officer);

        var sent = await officer.SubmitFormAsync($"/arenden/{c.CaseId}",
            new Dictionary<string, string> { ["Note.Text"] = "Ringde polisen, de återkommer <i>i morgon</i>." }, "main form[action*='handler=Note']");
        var page = await officer.FollowAsync(sent);

        Assert.Contains("Anteckningen är sparad", page.Text("[role=status]"));
        var note = page.QuerySelector("ol.timeline li.note")!;
        Assert.Contains("Intern anteckning", note.TextContent);
        Assert.Equal("Ringde polisen, de återkommer <i>i morgon</i>.", note.QuerySelector(".user-text")!.TextContent);
        Assert.NotNull(note.QuerySelector("time[datetime]"));
        Assert.Contains("Helena Säker", note.QuerySelector(".entry-meta")!.TextContent);
        var sheet = await (await factory.ApiClientAsync(Demo.Officer)).CaseAsync(c.CaseId);
        Assert.Equal("Ringde polisen, de återkommer <i>i morgon</i>.", Assert.Single(sheet.Lines("note_added")).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Note_through_the_api_answers_201_and_never_reaches_the_reporter()
    {
        var c = await factory.ReportedCaseAsync("Någon ringer mitt i natten.");
        var officer = await factory.ApiClientAsync(Demo.Officer);

        var created = await (await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/notes", new { text = "Hemlig-anteckning: kolla nummerpresentatören" }))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal("note_added", created.GetProperty("kind").GetString());
        var representative = await factory.SignedInAsync(Demo.Representative);
        var detail = await representative.GetStringAsync($"/mina-rapporter/{c.ReportId}");
        var list = await representative.GetStringAsync("/mina-rapporter");
        var reporterApi = await factory.ApiClientAsync(Demo.Representative);
        var report = await reporterApi.GetStringAsync($"/api/v1/reports/{c.ReportId}");
        var messages = await reporterApi.GetStringAsync($"/api/v1/reports/{c.ReportId}/messages");
        Assert.Contains("Någon ringer mitt i natten.", detail);
        Assert.All(new[] { detail, list, report, messages }, text => Assert.DoesNotContain("Hemlig-anteckning", text));
    }

    [Fact]
    public async Task Empty_note_is_named_on_the_page_and_in_the_api_and_nothing_is_stored()
    {
        var c = await factory.ReportedCaseAsync("Hot via sms.");
        var officer = await factory.SignedInAsync(Demo.Officer);

        var response = await officer.SubmitFormAsync($"/arenden/{c.CaseId}",
            new Dictionary<string, string> { ["Note.Text"] = "   " }, "main form[action*='handler=Note']");
        var page = await response.ReadPageAsync();
        var problem = await (await (await factory.ApiClientAsync(Demo.Officer)).PostJsonAsync($"/api/v1/cases/{c.CaseId}/notes", new { text = "" }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Skriv anteckningen", Assert.Single(page.FieldErrors("Note.Text")));
        Assert.NotEmpty(problem.ProblemErrors("text"));
        var sheet = await (await factory.ApiClientAsync(Demo.Officer)).CaseAsync(c.CaseId);
        Assert.Empty(sheet.Lines("note_added"));
    }

    [Fact]
    public async Task Too_long_note_is_refused_with_the_limit()
    {
        var c = await factory.ReportedCaseAsync("Hot på mejl.");
        var officer = await factory.ApiClientAsync(Demo.Officer);

        var problem = await (await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/notes", new { text = new string('x', 10_001) }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains("10000", Assert.Single(problem.ProblemErrors("text")));
    }
}
