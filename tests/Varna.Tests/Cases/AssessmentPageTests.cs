using AngleSharp.Html.Dom;
using System.Net.Http.Json;
using System.Text.Json;

namespace Varna.Tests.Cases;

// The assessment as an officer does it in a browser without JavaScript: the form, the suggestion,
// the summary on the case page and the read-only earlier versions.
public sealed class AssessmentPageTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private static string Form(Guid caseId) => $"/arenden/{caseId}/bedomning";

    private static string RadioName(IHtmlDocument page, string factor) =>
        ((IHtmlInputElement)page.GetElementById($"answer-{factor}-yes")!).Name!;

    private static string NoteName(IHtmlDocument page, string factor) =>
        ((IHtmlTextAreaElement)page.GetElementById($"note-{factor}")!).Name!;

    private static IHtmlFormElement AssessmentForm(IHtmlDocument page) => (IHtmlFormElement)page.QuerySelector("form.assessment-form")!;

    [Fact]
    public async Task Form_asks_yes_no_or_unknown_in_a_fieldset_per_factor_with_protective_factors_in_their_own_section()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await officer.GetPageAsync(Form(caseId));

        var fieldsets = page.QuerySelectorAll("fieldset.factor");
        Assert.Equal(13, fieldsets.Length);
        Assert.All(fieldsets, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.QuerySelector("legend")!.TextContent));
            var radios = f.QuerySelectorAll("input[type=radio]").Cast<IHtmlInputElement>().ToList();
            Assert.Equal(["yes", "no", "unknown"], radios.Select(r => r.Value));
            Assert.All(radios, r => Assert.NotNull(page.QuerySelector($"label[for='{r.Id}']")));
            Assert.Equal("unknown", radios.Single(r => r.IsChecked).Value);
        });
        var protective = page.QuerySelector("section[aria-labelledby=protective-heading]")!;
        Assert.Equal(["Känd gärningsperson", "Stöd runt den förtroendevalda"],
            protective.QuerySelectorAll("fieldset.factor legend").Select(l => l.TextContent.Trim()));
        Assert.Contains("vet var den förtroendevalda bor", page.GetElementById("hint-private_knowledge")!.TextContent);
        Assert.Equal("Motivering", page.QuerySelector("label[for=Input_Rationale]")!.TextContent.Trim());
        Assert.Equal("Ny bedömning senast", page.QuerySelector("label[for=Input_ReassessOn]")!.TextContent.Trim());
        Assert.Equal("Anteckning om Vapen", page.QuerySelector("label[for=note-weapons]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Show_suggestion_without_javascript_names_the_suggested_level_and_saves_nothing()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var page = await officer.GetPageAsync(Form(caseId));

        var response = await officer.PostFormAsync(AssessmentForm(page), Form(caseId) + "?handler=Suggest", new Dictionary<string, string>
        {
            [RadioName(page, "direct_threat")] = "yes",
            [RadioName(page, "weapons")] = "yes",
            [NoteName(page, "weapons")] = "Pratade om ett gevär.",
        });
        var shown = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Förslag utifrån faktorerna: Akut. Du avgör.", shown.QuerySelector(".suggestion")!.TextContent.Trim());
        Assert.True(((IHtmlInputElement)shown.GetElementById("answer-weapons-yes")!).IsChecked);
        Assert.Equal("Pratade om ett gevär.", shown.GetElementById("note-weapons")!.TextContent);
        Assert.Equal("low", ((IHtmlSelectElement)shown.GetElementById("Input_Level")!).Value);
        var api = await factory.ApiClientAsync(Demo.Officer);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments")).EnumerateArray());
    }

    [Fact]
    public async Task Saved_assessment_shows_on_the_case_page_with_the_decision_and_the_suggestion_marked_as_one()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var page = await officer.GetPageAsync(Form(caseId));

        var saved = await officer.PostFormAsync(AssessmentForm(page), Form(caseId), new Dictionary<string, string>
        {
            [RadioName(page, "escalation")] = "yes",
            [NoteName(page, "escalation")] = "Tre mejl på en vecka.",
            [RadioName(page, "support_network")] = "yes",
            ["Input.Level"] = "high",
            ["Input.Rationale"] = "Tonen har hårdnat snabbt.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var casePage = await officer.GetPageAsync(saved.Headers.Location!.OriginalString);

        Assert.Equal($"/arenden/{caseId}", saved.Headers.Location!.OriginalString);
        Assert.Contains("version 1", casePage.QuerySelector("[role=status]")!.TextContent);
        var summary = casePage.QuerySelector(".case-assessment")!;
        Assert.Contains("Hög", summary.QuerySelector("dl.assessment dd strong")!.TextContent);
        Assert.Contains("Måttlig", summary.QuerySelector(".suggested")!.TextContent);
        Assert.Contains("förslag", summary.QuerySelector(".suggested")!.TextContent);
        Assert.Equal("Tonen har hårdnat snabbt.", summary.QuerySelector(".rationale")!.TextContent.Trim());
        Assert.Equal(["Upptrappning: Tre mejl på en vecka.", "Stöd runt den förtroendevalda (skyddsfaktor)"],
            summary.QuerySelectorAll("ul.yes-factors li").Select(li => li.TextContent.Trim()));
        Assert.Equal(Form(caseId), summary.QuerySelectorAll("a").Single(a => a.TextContent == "Gör en ny bedömning").GetAttribute("href"));
    }

    [Fact]
    public async Task New_form_is_prefilled_from_the_latest_version()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        await api.AssessAsync(caseId, "moderate", "Fixerad vid detaljplanen.", ("fixation", "yes", "Skriver om planen varje dag."), ("perpetrator_identified", "no", null));
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await officer.GetPageAsync(Form(caseId));

        Assert.True(((IHtmlInputElement)page.GetElementById("answer-fixation-yes")!).IsChecked);
        Assert.Equal("Skriver om planen varje dag.", page.GetElementById("note-fixation")!.TextContent);
        Assert.True(((IHtmlInputElement)page.GetElementById("answer-perpetrator_identified-no")!).IsChecked);
        Assert.True(((IHtmlInputElement)page.GetElementById("answer-weapons-unknown")!).IsChecked);
        Assert.Equal("moderate", ((IHtmlSelectElement)page.GetElementById("Input_Level")!).Value);
    }

    [Fact]
    public async Task Missing_rationale_on_the_form_is_named_and_the_answers_stay_as_given()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var page = await officer.GetPageAsync(Form(caseId));

        var response = await officer.PostFormAsync(AssessmentForm(page), Form(caseId), new Dictionary<string, string>
        {
            [RadioName(page, "leakage")] = "yes",
            ["Input.Level"] = "high",
            ["Input.Rationale"] = "",
        });
        var shown = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(shown.FieldErrors("Input.Rationale"), e => e.Contains("måste fyllas i"));
        Assert.True(((IHtmlInputElement)shown.GetElementById("answer-leakage-yes")!).IsChecked);
        Assert.Equal("high", ((IHtmlSelectElement)shown.GetElementById("Input_Level")!).Value);
        var api = await factory.ApiClientAsync(Demo.Officer);
        Assert.Equal("new", (await api.CaseAsync(caseId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Form_saved_after_someone_else_changed_the_case_says_so_and_keeps_the_answers()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var page = await officer.GetPageAsync(Form(caseId));
        var api = await factory.ApiClientAsync(Demo.Officer);
        await api.AssessAsync(caseId, "moderate", "Hann före.");

        var response = await officer.PostFormAsync(AssessmentForm(page), Form(caseId), new Dictionary<string, string>
        {
            [RadioName(page, "approach")] = "yes",
            ["Input.Level"] = "high",
            ["Input.Rationale"] = "Han stod utanför kommunhuset.",
        });
        var shown = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Någon annan har ändrat ärendet", shown.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Han stod utanför kommunhuset.", shown.QuerySelector("textarea[name='Input.Rationale']")!.TextContent.Trim());
        Assert.True(((IHtmlInputElement)shown.GetElementById("answer-approach-yes")!).IsChecked);
        var all = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments");
        Assert.Equal("Hann före.", Assert.Single(all.EnumerateArray()).GetProperty("rationale").GetString());
    }

    [Fact]
    public async Task Earlier_version_page_shows_what_that_version_held_after_a_newer_one()
    {
        var caseId = await factory.NewCaseAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        await api.AssessAsync(caseId, "high", "Första: direkt hot.", ("direct_threat", "yes", "Hotet kom per sms."));
        await api.AssessAsync(caseId, "low", "Andra: personen har bett om ursäkt.", ("direct_threat", "no", "Tog tillbaka hotet."));
        var officer = await factory.SignedInAsync(Demo.Officer);

        var casePage = await officer.GetPageAsync($"/arenden/{caseId}");
        var earlier = casePage.QuerySelectorAll(".case-assessment ul.versions a").Single();
        var v1 = await officer.GetPageAsync(earlier.GetAttribute("href")!);

        Assert.Equal($"/arenden/{caseId}/bedomning/1", earlier.GetAttribute("href"));
        Assert.Contains("Andra: personen har bett om ursäkt.", casePage.QuerySelector(".case-assessment .rationale")!.TextContent);
        Assert.Contains("version 1", v1.QuerySelector("h1")!.TextContent);
        Assert.Equal("Första: direkt hot.", v1.QuerySelector(".rationale")!.TextContent.Trim());
        Assert.Contains("Hög", v1.QuerySelector("dl.assessment dd strong")!.TextContent);
        var row = v1.QuerySelector("tr[data-factor=direct_threat]")!;
        Assert.Equal(["Ja", "Hotet kom per sms."], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Null(v1.QuerySelector("form.assessment-form"));
    }

    [Fact]
    public async Task Reassessment_date_that_has_come_is_flagged_on_the_case_page()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var page = await officer.GetPageAsync(Form(caseId));
        await officer.PostFormAsync(AssessmentForm(page), Form(caseId), new Dictionary<string, string>
        {
            ["Input.Level"] = "low",
            ["Input.Rationale"] = "Se över igen i dag.",
            ["Input.ReassessOn"] = AssessmentArrange.Today,
        });

        var casePage = await officer.GetPageAsync($"/arenden/{caseId}");

        Assert.Contains("Dags för ny bedömning", casePage.QuerySelector(".case-assessment .reassess strong")!.TextContent);
    }
}
