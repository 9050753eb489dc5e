using System.Text.Json.Nodes;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

public sealed class MeasurePageTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private const string AddForm = "main form[action*='handler=Measure']";

    private static Dictionary<string, string> Fields(string prefix, string code = "alarm", string owner = "Securitasbolaget",
        string? start = null, string? end = null) => new()
    {
        [$"{prefix}.Code"] = code,
        [$"{prefix}.Description"] = "Trygghetslarm i bostaden.",
        [$"{prefix}.Owner"] = owner,
        [$"{prefix}.Status"] = "active",
        [$"{prefix}.StartOn"] = start ?? MeasuresArrange.Today.ToString("yyyy-MM-dd"),
        [$"{prefix}.ReviewOn"] = MeasuresArrange.Today.AddDays(7).ToString("yyyy-MM-dd"),
        [$"{prefix}.EndOn"] = end ?? MeasuresArrange.Today.AddDays(60).ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task Catalogue_is_grouped_and_the_officer_is_preselected_as_owner_officer()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await officer.GetPageAsync($"/arenden/{caseId}");

        var groups = page.QuerySelectorAll("#NewMeasure_Code optgroup").Select(g => g.GetAttribute("label")).ToList();
        Assert.Equal(["Stöd", "Bevis och anmälan", "Möten, hem och person", "Uppgifter och IT", "Uppföljning"], groups);
        Assert.Equal(17, page.QuerySelectorAll("#NewMeasure_Code optgroup option").Length);
        var selected = page.QuerySelector("#NewMeasure_OwnerOfficerId option[selected]")!;
        Assert.Equal((await factory.UserIdAsync(Demo.Officer)).ToString(), selected.GetAttribute("value"));
        Assert.Equal("NewMeasure_Owner", page.QuerySelector("label[for=NewMeasure_Owner]")!.GetAttribute("for"));
    }

    [Fact]
    public async Task Officer_adds_a_measure_on_the_case_page_and_sees_it_in_the_table()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await officer.FollowAsync(await officer.SubmitFormAsync($"/arenden/{caseId}", Fields("NewMeasure"), AddForm));

        Assert.Contains("Åtgärden är tillagd", page.QuerySelector("[role=status]")!.TextContent);
        var row = Assert.Single(page.QuerySelectorAll("table.measures tbody tr"));
        Assert.Contains("Larm", row.TextContent);
        Assert.Contains("Trygghetslarm i bostaden.", row.TextContent);
        Assert.Contains("Securitasbolaget", row.TextContent);
        Assert.Contains("Pågår", row.TextContent);
        Assert.Contains(MeasuresArrange.Today.AddDays(60).ToString("yyyy-MM-dd"), row.TextContent);
        var api = await factory.ApiClientAsync(Demo.Officer);
        var measure = Assert.Single((await api.CaseAsync(caseId)).GetProperty("measures").EnumerateArray());
        Assert.Equal(await factory.UserIdAsync(Demo.Officer), measure.GetProperty("ownerOfficer").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task End_date_before_start_date_is_named_on_the_end_date_and_nothing_is_added()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var response = await officer.SubmitFormAsync($"/arenden/{caseId}",
            Fields("NewMeasure", end: MeasuresArrange.Today.AddDays(-5).ToString("yyyy-MM-dd")), AddForm);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Slutdatum kan inte ligga före startdatum", Assert.Single(page.FieldErrors("NewMeasure.EndOn")));
        Assert.Equal("Securitasbolaget", page.QuerySelector("#NewMeasure_Owner")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("table.measures"));
    }

    [Fact]
    public async Task Missing_owner_is_named_in_the_summary()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await (await officer.SubmitFormAsync($"/arenden/{caseId}", Fields("NewMeasure", owner: " "), AddForm)).ReadPageAsync();

        Assert.NotEmpty(page.FieldErrors("NewMeasure.Owner"));
        Assert.Contains("Ansvarig (person eller organisation)", page.QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task Review_that_has_fallen_due_is_flagged_in_the_table()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        var due = MeasuresArrange.ValidMeasure("support_talk");
        due["startOn"] = MeasuresArrange.Today.AddDays(-10).ToString("yyyy-MM-dd");
        due["reviewOn"] = MeasuresArrange.Today.AddDays(-1).ToString("yyyy-MM-dd");
        await api.AddMeasureAsync(caseId, due);
        await api.AddMeasureAsync(caseId);
        var officer = await factory.SignedInAsync(Demo.Officer);

        var rows = (await officer.GetPageAsync($"/arenden/{caseId}")).QuerySelectorAll("table.measures tbody tr");

        Assert.Equal(2, rows.Length);
        Assert.NotNull(rows[0].QuerySelector(".review-due"));
        Assert.Null(rows[1].QuerySelector(".review-due"));
    }

    [Fact]
    public async Task Officer_edits_a_measure_on_its_own_page()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        var added = await api.AddMeasureAsync(caseId);
        var officer = await factory.SignedInAsync(Demo.Officer);
        var casePage = await officer.GetPageAsync($"/arenden/{caseId}");
        var editUrl = casePage.QuerySelector("table.measures a")!.GetAttribute("href")!;

        var form = await officer.GetPageAsync(editUrl);
        Assert.Equal("Fastighetskontoret", form.QuerySelector("#Input_Owner")!.GetAttribute("value"));
        Assert.Equal("home_security_review", form.QuerySelector("#Input_Code option[selected]")!.GetAttribute("value"));
        var after = await officer.FollowAsync(await officer.SubmitFormAsync(editUrl,
            new Dictionary<string, string> { ["Input.Status"] = "done", ["Input.Owner"] = "Polisen" }));

        Assert.Equal($"/arenden/{caseId}/atgarder/{added.Id()}", editUrl);
        Assert.Contains("Åtgärden är ändrad", after.QuerySelector("[role=status]")!.TextContent);
        var row = Assert.Single(after.QuerySelectorAll("table.measures tbody tr"));
        Assert.Contains("Klar", row.TextContent);
        Assert.Contains("Polisen", row.TextContent);
        var line = Assert.Single((await api.CaseAsync(caseId)).Timeline("measure_changed"));
        Assert.Equal(("planned", "done"), (line.TextOrNull("from"), line.TextOrNull("to")));
    }

    [Fact]
    public async Task Edit_page_says_someone_else_changed_the_measure_and_shows_its_new_state()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        var added = await api.AddMeasureAsync(caseId);
        var officer = await factory.SignedInAsync(Demo.Officer);
        var editUrl = $"/arenden/{caseId}/atgarder/{added.Id()}";
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await officer.GetPageAsync(editUrl)).QuerySelector("main form[method=post]")!;

        await (await api.PatchJsonAsync($"/api/v1/cases/{caseId}/measures/{added.Id()}",
            new JsonObject { ["version"] = added.GetProperty("version").GetInt32(), ["owner"] = "Kommunpolisen", ["status"] = "active" })).JsonAsync(HttpStatusCode.OK);
        var response = await officer.PostFormAsync(form, editUrl, new Dictionary<string, string> { ["Input.Owner"] = "Vaktbolaget" });
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Någon annan har ändrat åtgärden", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("Kommunpolisen", page.QuerySelector(".current-measure")!.TextContent);
        Assert.Equal("Kommunpolisen", page.QuerySelector("#Input_Owner")!.GetAttribute("value"));
        Assert.Equal("active", page.QuerySelector("#Input_Status option[selected]")!.GetAttribute("value"));
        var measure = Assert.Single((await api.CaseAsync(caseId)).GetProperty("measures").EnumerateArray());
        Assert.Equal("Kommunpolisen", measure.TextOrNull("owner"));
    }

    [Fact]
    public async Task Edit_page_names_an_end_date_before_the_start_and_keeps_the_measure()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        var added = await api.AddMeasureAsync(caseId);
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await (await officer.SubmitFormAsync($"/arenden/{caseId}/atgarder/{added.Id()}", new Dictionary<string, string>
        {
            ["Input.EndOn"] = MeasuresArrange.Today.AddDays(-2).ToString("yyyy-MM-dd"),
        })).ReadPageAsync();

        Assert.NotEmpty(page.FieldErrors("Input.EndOn"));
        var measure = Assert.Single((await api.CaseAsync(caseId)).GetProperty("measures").EnumerateArray());
        Assert.Equal(added.TextOrNull("endOn"), measure.TextOrNull("endOn"));
    }
}
