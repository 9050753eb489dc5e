using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Intake and status on /arenden/{id} through its forms, as an officer without JavaScript would use them.
public sealed class CaseIntakePageTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static string Form(string handler) => $"main form[action*='handler={handler}']";

    [Fact]
    public async Task Officer_takes_the_case_with_one_button()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var myName = await factory.WithDbAsync(null, db => db.Users.Where(u => u.Email == Demo.Officer).Select(u => u.DisplayName).SingleAsync());

        var page = await officer.FollowAsync(await officer.SubmitFormAsync($"/arenden/{caseId}", new Dictionary<string, string>(), "main form.take-case"));

        Assert.Contains("Ärendet har fått ny handläggare", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(page.QuerySelector("form.take-case"));
        var assign = (IHtmlSelectElement)page.QuerySelector("#assign-officer")!;
        Assert.Equal(myName, assign.SelectedOptions.Single().TextContent);
    }

    [Fact]
    public async Task Officer_logs_the_first_contact_in_swedish_time_and_the_clock_stops()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(-30), Sweden);

        var page = await officer.FollowAsync(await officer.SubmitFormAsync($"/arenden/{caseId}", new Dictionary<string, string>
        {
            ["Contact.Method"] = "in_person",
            ["Contact.Date"] = local.ToString("yyyy-MM-dd"),
            ["Contact.Time"] = local.ToString("HH:mm"),
            ["Contact.Note"] = "Träffades i stadshuset.",
        }, Form("Contact")));

        Assert.Contains("Kontakten är loggad", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains(local.ToString("yyyy-MM-dd HH:mm"), page.QuerySelector("dl.details")!.TextContent);
        var json = await (await factory.ApiClientAsync(Demo.Officer)).CaseAsync(caseId);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("awaitingContactUntil").ValueKind);
        Assert.Equal("in_person", json.GetProperty("firstContactMethod").GetString());
        Assert.Equal("Logga kontakten", page.QuerySelector(Form("Contact") + " button")!.TextContent.Trim());
    }

    [Fact]
    public async Task Contact_without_a_method_or_with_a_broken_time_is_named_and_nothing_is_logged()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await (await officer.SubmitFormAsync($"/arenden/{caseId}", new Dictionary<string, string>
        {
            ["Contact.Date"] = "2026-13-45", ["Contact.Time"] = "25:00", ["Contact.Note"] = "Behåll mig",
        }, Form("Contact"))).ReadPageAsync();

        Assert.NotEmpty(page.FieldErrors("Contact.Method"));
        Assert.NotEmpty(page.FieldErrors("Contact.ContactedAt"));
        Assert.Equal("Behåll mig", page.QuerySelector("#contact-note")!.TextContent);
        var json = await (await factory.ApiClientAsync(Demo.Officer)).CaseAsync(caseId);
        Assert.Empty(json.Timeline("contact_logged"));
    }

    [Fact]
    public async Task Concern_change_without_a_reason_is_named_and_with_one_it_is_saved()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var refused = await (await officer.SubmitFormAsync($"/arenden/{caseId}",
            new Dictionary<string, string> { ["Concern.Level"] = "high", ["Concern.Reason"] = "" }, Form("Concern"))).ReadPageAsync();
        var saved = await officer.FollowAsync(await officer.SubmitFormAsync($"/arenden/{caseId}",
            new Dictionary<string, string> { ["Concern.Level"] = "high", ["Concern.Reason"] = "Hotet nämner barnen." }, Form("Concern")));

        Assert.NotEmpty(refused.FieldErrors("Concern.Reason"));
        Assert.Contains("Motivering", refused.QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("Orosnivån är ändrad", saved.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Hög", saved.QuerySelector("dl.details")!.TextContent);
    }

    [Fact]
    public async Task Move_offers_only_the_later_open_statuses()
    {
        var api = await factory.ApiClientAsync(Demo.Officer);
        var caseId = await factory.CaseWithStatusAsync(api, "assessing");
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await officer.GetPageAsync($"/arenden/{caseId}");
        var moved = await officer.FollowAsync(await officer.SubmitFormAsync($"/arenden/{caseId}",
            new Dictionary<string, string> { ["Move.Status"] = "follow_up" }, Form("Move")));

        Assert.Equal(["measures", "follow_up"], page.QuerySelectorAll("#move-status option").Select(o => o.GetAttribute("value")));
        Assert.Contains("Uppföljning", moved.QuerySelector("dl.details")!.TextContent);
        Assert.Null(moved.QuerySelector(Form("Move")));
    }

    [Fact]
    public async Task Closing_without_outcome_or_confirmation_names_both_and_the_case_stays_open()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await (await officer.SubmitFormAsync($"/arenden/{caseId}", new Dictionary<string, string>(), Form("Close"))).ReadPageAsync();

        Assert.NotEmpty(page.FieldErrors("Closing.Outcome"));
        Assert.NotEmpty(page.FieldErrors("Closing.ReporterInformed"));
        Assert.Equal("new", (await (await factory.ApiClientAsync(Demo.Officer)).CaseAsync(caseId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Officer_closes_the_case_and_reopens_it_with_a_reason()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var closed = await officer.FollowAsync(await officer.SubmitFormAsync($"/arenden/{caseId}", new Dictionary<string, string>
        {
            ["Closing.Outcome"] = "no_action_needed", ["Closing.ReporterInformed"] = "true",
        }, Form("Close")));
        var noReason = await (await officer.SubmitFormAsync($"/arenden/{caseId}",
            new Dictionary<string, string> { ["Reopening.Status"] = "measures" }, Form("Reopen"))).ReadPageAsync();
        var reopened = await officer.FollowAsync(await officer.SubmitFormAsync($"/arenden/{caseId}",
            new Dictionary<string, string> { ["Reopening.Status"] = "measures", ["Reopening.Reason"] = "Nytt brev har kommit." }, Form("Reopen")));

        Assert.Contains("Ärendet är avslutat", closed.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Ingen åtgärd behövdes", closed.QuerySelector("#status-heading")!.ParentElement!.TextContent);
        Assert.Null(closed.QuerySelector(Form("Close")));
        Assert.NotEmpty(noReason.FieldErrors("Reopening.Reason"));
        Assert.Contains("Ärendet är öppnat igen", reopened.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Åtgärder", reopened.QuerySelector("dl.details")!.TextContent);
    }

    [Fact]
    public async Task Page_opened_before_someone_else_changed_the_case_says_so_shows_the_new_state_and_applies_nothing()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var stale = await officer.GetPageAsync($"/arenden/{caseId}");
        var colleague = await factory.ApiClientAsync(Demo.Officer);
        await (await colleague.PostJsonAsync($"/api/v1/cases/{caseId}/concern",
            new JsonObject { ["level"] = "high", ["reason"] = "Kollegan höjde." })).JsonAsync(HttpStatusCode.OK);

        var response = await officer.PostFormAsync((IHtmlFormElement)stale.QuerySelector(Form("Concern"))!, $"/arenden/{caseId}",
            new Dictionary<string, string> { ["Concern.Level"] = "moderate", ["Concern.Reason"] = "Jag sänker." });
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Någon annan har ändrat ärendet", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("Hög", page.QuerySelector("dl.details")!.TextContent);
        var json = await colleague.CaseAsync(caseId);
        Assert.Equal("high", json.GetProperty("concernLevel").GetString());
        Assert.Single(json.Timeline("concern_changed"));
    }

    [Fact]
    public async Task Officer_sets_a_follow_up_on_the_page_and_marks_it_done()
    {
        var caseId = await factory.NewCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var set = await officer.FollowAsync(await officer.SubmitFormAsync($"/arenden/{caseId}",
            new Dictionary<string, string> { ["Reminder.DueOn"] = "2027-03-01", ["Reminder.Note"] = "Stäm av efter valet." }, Form("FollowUp")));
        var doneForm = (IHtmlFormElement)set.QuerySelector("form.follow-up-done")!;
        var done = await officer.FollowAsync(await officer.PostFormAsync(doneForm, $"/arenden/{caseId}", new Dictionary<string, string>()));

        Assert.Contains("Påminnelsen om uppföljning är sparad", set.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("2027-03-01", set.QuerySelector("table.follow-ups")!.TextContent);
        Assert.Contains("Stäm av efter valet.", set.QuerySelector("table.follow-ups")!.TextContent);
        Assert.Contains("Uppföljningen är markerad som klar", done.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(done.QuerySelector("form.follow-up-done"));
    }
}
