using System.Text.Json;
using Varna.Features.Cases;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// The officers' inbox (/arenden) and GET /api/v1/cases: open cases, most urgent first, filtered.
public sealed class InboxTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private async Task<HttpClient> ApiAsync() => await factory.ApiClientAsync(Demo.Officer);

    [Fact]
    public async Task Overdue_case_comes_before_a_later_deadline_before_high_concern_before_low()
    {
        var low = await factory.NewTypedCaseAsync("hate_speech", "record_only");
        var high = await factory.NewTypedCaseAsync("violence", "record_only");
        var later = await factory.NewTypedCaseAsync("hate_speech");
        var overdue = await factory.NewTypedCaseAsync("hate_speech");
        await factory.ClockAsync(overdue.Id, DateTimeOffset.UtcNow.AddHours(-3));

        var items = await (await ApiAsync()).InboxAsync();

        var mine = items.Ids().Where(id => id == low.Id || id == high.Id || id == later.Id || id == overdue.Id).ToList();
        Assert.Equal([overdue.Id, later.Id, high.Id, low.Id], mine);
        var first = items.Single(i => i.GetProperty("id").GetGuid() == overdue.Id);
        Assert.True(first.GetProperty("overdue").GetBoolean());
        Assert.Equal("new", first.GetProperty("status").GetString());
        Assert.Equal(["hate_speech"], first.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        Assert.False(items.Single(i => i.GetProperty("id").GetGuid() == later.Id).GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Inbox_page_lists_the_case_with_time_left_and_marks_an_overdue_one_in_words()
    {
        var later = await factory.NewTypedCaseAsync("hate_speech");
        var overdue = await factory.NewTypedCaseAsync("threat");
        await factory.ClockAsync(later.Id, DateTimeOffset.UtcNow.AddHours(2).AddMinutes(20));
        await factory.ClockAsync(overdue.Id, DateTimeOffset.UtcNow.AddHours(-3).AddMinutes(-45));
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await officer.GetPageAsync("/arenden?forsenade=true");
        var all = await officer.GetPageAsync("/arenden");

        var overdueRow = page.QuerySelectorAll("table.inbox tbody tr").Single(r => r.QuerySelector("th")!.TextContent == overdue.Reference);
        Assert.Equal($"/arenden/{overdue.Id}", overdueRow.QuerySelector("a")!.GetAttribute("href"));
        Assert.Matches(@"^Försenad 3 h 4[45] min$", overdueRow.QuerySelector("strong.overdue")!.TextContent);
        Assert.Contains("Måttlig", overdueRow.TextContent);
        var laterRow = all.QuerySelectorAll("table.inbox tbody tr").Single(r => r.QuerySelector("th")!.TextContent == later.Reference);
        Assert.Matches(@"2 h (19|20) min kvar", laterRow.TextContent);
        Assert.NotNull(all.QuerySelector("table.inbox caption"));
        Assert.All(all.QuerySelectorAll("table.inbox thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#forsenade")!).IsChecked);
    }

    [Fact]
    public async Task Concern_filter_lists_only_that_level_and_keeps_the_choice_in_the_form()
    {
        var high = await factory.NewTypedCaseAsync("violence");
        var low = await factory.NewTypedCaseAsync("hate_speech");
        var officer = await factory.SignedInAsync(Demo.Officer);

        var api = (await (await ApiAsync()).InboxAsync("concern=high")).Ids();
        var page = await officer.GetPageAsync("/arenden?oro=high");

        Assert.Contains(high.Id, api);
        Assert.DoesNotContain(low.Id, api);
        var references = page.QuerySelectorAll("table.inbox tbody th").Select(th => th.TextContent).ToList();
        Assert.Contains(high.Reference, references);
        Assert.DoesNotContain(low.Reference, references);
        Assert.Equal("high", page.QuerySelector("#oro option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Status_filter_lists_only_cases_in_that_status()
    {
        var assessing = await factory.NewTypedCaseAsync();
        var fresh = await factory.NewTypedCaseAsync();
        await factory.StatusAsync(assessing.Id, CaseStatus.Assessing);

        var ids = (await (await ApiAsync()).InboxAsync("status=assessing")).Ids();

        Assert.Contains(assessing.Id, ids);
        Assert.DoesNotContain(fresh.Id, ids);
    }

    [Fact]
    public async Task Assignee_filter_finds_mine_unassigned_and_a_named_officers_cases()
    {
        var mine = await factory.NewTypedCaseAsync();
        var free = await factory.NewTypedCaseAsync();
        var me = await factory.UserIdAsync(Demo.Officer);
        await factory.AssignAsync(mine.Id, me);
        var api = await ApiAsync();

        var assignedToMe = (await api.InboxAsync("assignee=me")).Ids();
        var unassigned = (await api.InboxAsync("assignee=unassigned")).Ids();
        var named = await api.InboxAsync($"assignee={me}");

        Assert.Contains(mine.Id, assignedToMe);
        Assert.DoesNotContain(free.Id, assignedToMe);
        Assert.Contains(free.Id, unassigned);
        Assert.DoesNotContain(mine.Id, unassigned);
        var item = named.Single(i => i.GetProperty("id").GetGuid() == mine.Id);
        Assert.Equal(me, item.GetProperty("assignee").GetProperty("id").GetGuid());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("assignee").GetProperty("name").GetString()));
        Assert.DoesNotContain(free.Id, named.Ids());
    }

    [Fact]
    public async Task Overdue_filter_lists_only_cases_whose_first_contact_is_late()
    {
        var late = await factory.NewTypedCaseAsync();
        var onTime = await factory.NewTypedCaseAsync();
        await factory.ClockAsync(late.Id, DateTimeOffset.UtcNow.AddMinutes(-5));

        var items = await (await ApiAsync()).InboxAsync("overdue=true");

        Assert.Contains(late.Id, items.Ids());
        Assert.DoesNotContain(onTime.Id, items.Ids());
        Assert.All(items, i => Assert.True(i.GetProperty("overdue").GetBoolean()));
    }

    [Fact]
    public async Task Type_filter_lists_cases_with_a_report_of_that_type()
    {
        var stalking = await factory.NewTypedCaseAsync("stalking");
        var other = await factory.NewTypedCaseAsync("defamation");

        var ids = (await (await ApiAsync()).InboxAsync("type=stalking")).Ids();

        Assert.Contains(stalking.Id, ids);
        Assert.DoesNotContain(other.Id, ids);
    }

    [Theory]
    [InlineData("concern=urgent", "concern", "low, moderate, high, acute")]
    [InlineData("status=closed", "status", "new, assessing, measures, follow_up")]
    [InlineData("type=rumour", "type", "threat, harassment")]
    [InlineData("assignee=nobody", "assignee", "me, unassigned")]
    [InlineData("overdue=maybe", "overdue", "true, false")]
    public async Task Unknown_filter_value_gets_400_naming_the_parameter_and_the_allowed_codes(string query, string parameter, string allowed)
    {
        var response = await (await ApiAsync()).GetAsync($"/api/v1/cases?{query}");

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.ProblemErrors(parameter));
        Assert.Contains(allowed, message);
        Assert.Contains(query.Split('=')[1], message);
    }

    [Fact]
    public async Task Unknown_filter_value_on_the_page_is_named_next_to_the_filter_and_no_list_is_shown()
    {
        await factory.NewTypedCaseAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await officer.GetPageAsync("/arenden?oro=brådskande&typ=threat");

        Assert.Contains("brådskande", Assert.Single(page.FieldErrors("oro")));
        Assert.Empty(page.FieldErrors("typ"));
        Assert.NotNull(page.QuerySelector(".error-summary[role=alert]"));
        Assert.Null(page.QuerySelector("table.inbox"));
        Assert.Equal("true", page.QuerySelector("#oro")!.GetAttribute("aria-invalid"));
        Assert.Equal("threat", page.QuerySelector("#typ option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Inbox_pages_by_fifty_continuing_from_clocked_to_unclocked_cases()
    {
        await factory.BulkCasesAsync(60);
        var api = await ApiAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var first = await (await api.GetAsync("/api/v1/cases")).JsonAsync(HttpStatusCode.OK);
        var second = await (await api.GetAsync("/api/v1/cases?page=2")).JsonAsync(HttpStatusCode.OK);
        var page2 = await officer.GetPageAsync("/arenden?sida=2");

        var total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 60);
        Assert.Equal(50, first.GetProperty("items").GetArrayLength());
        Assert.Equal(Math.Min(50, total - 50), second.GetProperty("items").GetArrayLength());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        var all = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(all.Count, all.Ids().Distinct().Count());
        var clocks = all.Select(i => i.GetProperty("awaitingContactUntil")).ToList();
        var clocked = clocks.TakeWhile(c => c.ValueKind != JsonValueKind.Null).Select(c => c.GetDateTimeOffset()).ToList();
        Assert.Equal(clocked.Order(), clocked);
        Assert.All(clocks.Skip(clocked.Count), c => Assert.Equal(JsonValueKind.Null, c.ValueKind));
        Assert.Equal(all.Skip(50).Select(i => i.GetProperty("reference").GetString()),
            page2.QuerySelectorAll("table.inbox tbody th").Select(th => th.TextContent));
        Assert.NotNull(page2.QuerySelector("a[rel=prev][href='/arenden']"));
    }

    [Fact]
    public async Task Closed_cases_are_not_in_the_inbox()
    {
        var closed = await factory.NewTypedCaseAsync();
        await factory.UpdateCaseAsync(closed.Id, s => s.SetProperty(c => c.Status, CaseStatus.Closed).SetProperty(c => c.AwaitingContactUntil, (DateTimeOffset?)null));
        var officer = await factory.SignedInAsync(Demo.Officer);

        var ids = (await (await ApiAsync()).InboxAsync()).Ids();
        var page = await officer.GetStringAsync("/arenden");

        Assert.DoesNotContain(closed.Id, ids);
        Assert.DoesNotContain(closed.Reference, page);
    }

    [Fact]
    public async Task Another_organisations_cases_are_never_listed()
    {
        var regional = await factory.NewTypedCaseAsync(representative: Demo.RegionRepresentative);
        var officer = await factory.SignedInAsync(Demo.Officer);

        var ids = (await (await ApiAsync()).InboxAsync()).Ids();
        var page = await officer.GetStringAsync("/arenden");
        var regionIds = (await (await factory.ApiClientAsync(Demo.RegionOfficer)).InboxAsync()).Ids();

        Assert.DoesNotContain(regional.Id, ids);
        Assert.DoesNotContain(regional.Reference, page);
        Assert.Contains(regional.Id, regionIds);
    }

    [Theory]
    [InlineData(Demo.Representative)]
    [InlineData(Demo.Analyst)]
    public async Task Non_officers_get_404_for_the_inbox_the_todo_list_and_their_api(string email)
    {
        await factory.NewTypedCaseAsync();
        var browser = await factory.SignedInAsync(email);
        var api = await factory.ApiClientAsync(email);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/arenden")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/arenden/att-gora")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/cases/todo")).StatusCode);
    }

    [Fact]
    public async Task Start_page_shows_the_officer_counts_and_links_to_the_inbox_and_todo()
    {
        var late = await factory.NewTypedCaseAsync();
        await factory.ClockAsync(late.Id, DateTimeOffset.UtcNow.AddHours(-1));
        var officer = await factory.SignedInAsync(Demo.Officer);

        var start = await officer.GetPageAsync("/");

        var figures = start.QuerySelectorAll(".case-figures dd").Select(dd => int.Parse(dd.TextContent)).ToList();
        var open = await factory.WithDbAsync(await factory.OrganisationIdAsync(ReportsArrange.DemoKommun), db => db.Cases.CountAsync(c => c.Status != CaseStatus.Closed));
        Assert.Equal(open, figures[0]);
        Assert.True(figures[1] >= 1);
        Assert.NotNull(start.QuerySelector("main a[href='/arenden']"));
        Assert.NotNull(start.QuerySelector("main a[href='/arenden/att-gora']"));
        Assert.NotNull(start.QuerySelector("nav a[href='/arenden']"));
    }
}
