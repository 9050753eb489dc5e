using System.Net.Http.Json;
using System.Text.Json;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Messages through /api/v1/cases/{id}/messages: the officer writes, the reporter reads and answers.
public sealed class CaseMessagesApiTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Officer_writes_through_the_api_and_the_reporter_reads_it_under_my_reports()
    {
        var c = await factory.ReportedCaseAsync("Någon står utanför mitt hus.");
        var officer = await factory.ApiClientAsync(Demo.Officer);

        var sent = await (await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/messages", new { body = "Jag ringer dig inom en timme." }))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal(c.ReportId, sent.GetProperty("reportId").GetGuid());
        Assert.False(sent.GetProperty("fromReporter").GetBoolean());
        var representative = await factory.SignedInAsync(Demo.Representative);
        var mine = await representative.GetPageAsync($"/mina-rapporter/{c.ReportId}");
        Assert.Contains("Jag ringer dig inom en timme.", mine.QuerySelector("ol.thread")!.TextContent);
        var sheet = await officer.CaseAsync(c.CaseId);
        Assert.Single(sheet.Lines("message_to_reporter"));
    }

    [Fact]
    public async Task Reporters_answer_is_listed_with_the_officers_message_in_order()
    {
        var c = await factory.ReportedCaseAsync("Hotfulla kommentarer på Facebook.");
        var officer = await factory.ApiClientAsync(Demo.Officer);
        await (await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/messages", new { reportId = c.ReportId, body = "Har du sparat skärmbilder?" }))
            .JsonAsync(HttpStatusCode.Created);
        var reporter = await factory.ApiClientAsync(Demo.Representative);
        await (await reporter.PostJsonAsync($"/api/v1/reports/{c.ReportId}/messages", new { body = "Ja, jag laddar upp dem nu." }))
            .JsonAsync(HttpStatusCode.Created);

        var messages = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{c.CaseId}/messages")).EnumerateArray().ToArray();

        Assert.Equal(["Har du sparat skärmbilder?", "Ja, jag laddar upp dem nu."], messages.Select(m => m.GetProperty("body").GetString()));
        Assert.Equal([false, true], messages.Select(m => m.GetProperty("fromReporter").GetBoolean()));
        Assert.All(messages, m => Assert.Equal(c.ReportId, m.GetProperty("reportId").GetGuid()));
    }

    [Fact]
    public async Task Empty_message_is_named_and_nothing_is_sent()
    {
        var c = await factory.ReportedCaseAsync("Hot i telefon.");
        var officer = await factory.ApiClientAsync(Demo.Officer);

        var problem = await (await officer.PostJsonAsync($"/api/v1/cases/{c.CaseId}/messages", new { body = " " })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ProblemErrors("body"));
        Assert.Empty((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{c.CaseId}/messages")).EnumerateArray());
    }

    [Fact]
    public async Task Case_with_several_reports_needs_the_report_named_and_refuses_a_report_of_another_case()
    {
        var target = await factory.ReportedCaseAsync("Första rapporten om kampanjen.");
        var merged = await factory.ReportedCaseAsync("Andra rapporten om kampanjen.");
        var other = await factory.ReportedCaseAsync("Ett helt annat ärende.");
        var officer = await factory.ApiClientAsync(Demo.Officer);
        await (await officer.PostJsonAsync($"/api/v1/cases/{merged.CaseId}/links", new { reference = target.Reference, merge = true }))
            .JsonAsync(HttpStatusCode.OK);

        var unnamed = await (await officer.PostJsonAsync($"/api/v1/cases/{target.CaseId}/messages", new { body = "Hej!" })).JsonAsync(HttpStatusCode.BadRequest);
        var foreign = await (await officer.PostJsonAsync($"/api/v1/cases/{target.CaseId}/messages", new { reportId = other.ReportId, body = "Hej!" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var named = await (await officer.PostJsonAsync($"/api/v1/cases/{target.CaseId}/messages", new { reportId = merged.ReportId, body = "Hej!" }))
            .JsonAsync(HttpStatusCode.Created);

        Assert.NotEmpty(unnamed.ProblemErrors("reportId"));
        Assert.NotEmpty(foreign.ProblemErrors("reportId"));
        Assert.Equal(merged.ReportId, named.GetProperty("reportId").GetGuid());
        Assert.Empty((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{other.CaseId}/messages")).EnumerateArray());
    }
}
