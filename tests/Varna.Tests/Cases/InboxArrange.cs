using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Varna.Features.Cases;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// Cases for the inbox and to-do tests: opened by a representative's report, then moved into the
// state a test needs (a clock that ran out, a status, an assignee) directly in the database.
public static class InboxArrange
{
    private static int _sequence = 9000;

    public static async Task<(Guid Id, string Reference)> NewTypedCaseAsync(this VarnaFactory factory, string type = "hate_speech",
        string wish = "request_contact", string representative = Demo.Representative)
    {
        var body = ReportsArrange.ValidReport($"Inkorgstest {Guid.NewGuid():N}");
        body["types"] = new JsonArray(type);
        body["wish"] = wish;
        var client = await factory.ApiClientAsync(representative);
        var created = await client.SubmitReportAsync(body);
        var id = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == created.Id()).Select(r => r.CaseId).SingleAsync());
        return (id, created.GetProperty("reference").GetString()!);
    }

    public static Task<int> UpdateCaseAsync(this VarnaFactory factory, Guid caseId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Case>> set) =>
        factory.WithDbAsync(null, db => db.Cases.IgnoreQueryFilters().Where(c => c.Id == caseId).ExecuteUpdateAsync(set));

    public static Task<int> ClockAsync(this VarnaFactory factory, Guid caseId, DateTimeOffset? until) =>
        factory.UpdateCaseAsync(caseId, s => s.SetProperty(c => c.AwaitingContactUntil, until));

    public static Task<int> AssignAsync(this VarnaFactory factory, Guid caseId, Guid? officerId) =>
        factory.UpdateCaseAsync(caseId, s => s.SetProperty(c => c.AssigneeId, officerId));

    public static Task<int> StatusAsync(this VarnaFactory factory, Guid caseId, CaseStatus status) =>
        factory.UpdateCaseAsync(caseId, s => s.SetProperty(c => c.Status, status));

    public static Task<Guid> UserIdAsync(this VarnaFactory factory, string email) =>
        factory.WithDbAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    // Many open cases at once, without reports (the paging and query-count tests need volume, not content).
    public static async Task BulkCasesAsync(this VarnaFactory factory, int count, Guid? assignee = null)
    {
        var organisationId = await factory.OrganisationIdAsync(ReportsArrange.DemoKommun);
        var now = DateTimeOffset.UtcNow;
        await factory.WithDbAsync(organisationId, async db =>
        {
            for (var i = 0; i < count; i++)
            {
                var level = (ConcernLevel)(i % 4);
                var @case = Case.Open(organisationId, "TEST", 1999, Interlocked.Increment(ref _sequence), null, level,
                    i % 2 == 0 ? now.AddHours(i - count / 2) : null, now.AddMinutes(-i));
                if (assignee is { } officer && i % 3 == 0) @case.Assign(officer, officer, now);
                db.Cases.Add(@case);
            }
            return await db.SaveChangesAsync();
        });
    }

    // The case ids the API lists for a query, page by page, in order.
    public static async Task<List<JsonElement>> InboxAsync(this HttpClient api, string query = "")
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var separator = query.Length == 0 ? "?" : "&";
            var body = await (await api.GetAsync($"/api/v1/cases{(query.Length == 0 ? "" : "?" + query)}{separator}page={page}")).JsonAsync(HttpStatusCode.OK);
            var pageItems = body.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(pageItems);
            if (pageItems.Count < body.GetProperty("pageSize").GetInt32()) return items;
        }
    }

    public static List<Guid> Ids(this IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetGuid()).ToList();
}
