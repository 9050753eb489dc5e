using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Varna.Features.Cases;
using Varna.Features.Notifications;
using Varna.Tests.Reports;
using Xunit.Abstractions;

namespace Varna.Tests.Reliability;

// Two app processes on one database behind an imaginary load balancer without sticky sessions:
// whatever one node did, the other must know.
[Trait("Category", "Process")]
[Collection(AppProcessCollection.Name)]
public sealed class TwoNodeTests(TwoNodeCluster cluster, ITestOutputHelper output) : IClassFixture<TwoNodeCluster>
{
    [Fact]
    public async Task A_sign_in_on_one_node_is_recognised_on_the_other_until_signed_out()
    {
        var cookies = new CookieContainer();
        using var onA = cluster.A.CreateClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies });
        using var onB = cluster.B.CreateClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies });

        // The officer signs in on A only.
        var signIn = await onA.SubmitFormAsync("/konto/logga-in", Credentials(Demo.Officer));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var inbox = await onB.GetAsync("/arenden");
        var recognised = inbox.StatusCode == HttpStatusCode.OK ? 1 : 0;
        Assert.True(inbox.StatusCode == HttpStatusCode.OK, $"Node B answered {(int)inbox.StatusCode} {inbox.Headers.Location} for the officer signed in on A.");

        // The representative's form comes from B and is posted to A (its antiforgery token crosses
        // nodes), then the representative's own page is read on B.
        var representativeCookies = new CookieContainer();
        using var repOnA = cluster.A.CreateClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = representativeCookies });
        using var repOnB = cluster.B.CreateClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = representativeCookies });
        var form = (IHtmlFormElement)(await repOnB.GetPageAsync("/konto/logga-in")).QuerySelector("main form[method=post]")!;
        var repSignIn = await repOnA.PostFormAsync(form, "/konto/logga-in", Credentials(Demo.Representative));
        Assert.Equal(HttpStatusCode.Redirect, repSignIn.StatusCode);
        var mine = await repOnB.GetAsync("/mina-rapporter");
        Assert.True(mine.StatusCode == HttpStatusCode.OK, $"Node B answered {(int)mine.StatusCode} {mine.Headers.Location} for the representative signed in on A.");
        recognised++;

        // Sign-out on A ends the session everywhere: even a copy of the old cookie is refused by B.
        var copied = cookies.GetCookieHeader(cluster.B.BaseAddress);
        var signOut = await onA.SubmitFormAsync("/konto/logga-ut", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var replay = cluster.B.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/arenden");
        request.Headers.Add("Cookie", copied);
        var afterSignOut = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.Contains("/konto/logga-in", afterSignOut.Headers.Location?.OriginalString);

        output.WriteLine($"[{cluster.Database.Provider}] sessions made on A recognised on B: {recognised} of 2; " +
            $"after sign-out on A, the copied cookie on B: {(int)afterSignOut.StatusCode} to {afterSignOut.Headers.Location}");
    }

    [Fact]
    public async Task Evidence_uploaded_on_one_node_downloads_from_the_other_with_the_same_bytes()
    {
        var token = await TwoNodeDatabase.TokenAsync(cluster.Database, Demo.Representative);
        using var onA = TwoNodeCluster.Api(cluster.A, token);
        using var onB = TwoNodeCluster.Api(cluster.B, token);
        var random = new Random(6);
        var files = new[]
        {
            ("utskrift.pdf", ReportsArrange.Pdf.Concat(Bytes(random, 300_000)).ToArray()),
            ("skarmbild.png", ReportsArrange.Png.Concat(Bytes(random, 40_000)).ToArray()),
        };

        var report = await onA.SubmitReportAsync();
        var uploaded = await (await onA.PostAsync($"/api/v1/reports/{report.Id()}/evidence", ReportsArrange.Files(files)))
            .JsonAsync(HttpStatusCode.Created);

        var compared = 0;
        foreach (var (evidence, (name, bytes)) in uploaded.EnumerateArray().Zip(files))
        {
            var download = await onB.GetAsync($"/api/v1/reports/{report.Id()}/evidence/{evidence.GetProperty("id").GetGuid()}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var sent = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var received = Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync()));
            Assert.Equal(sent, received);
            Assert.Equal(sent, evidence.GetProperty("sha256").GetString(), ignoreCase: true);
            output.WriteLine($"[{cluster.Database.Provider}] {name}, {bytes.Length} bytes: uploaded to A {sent[..16]}…, downloaded from B {received[..16]}…");
            compared++;
        }
        Assert.Equal(files.Length, compared);
        output.WriteLine($"[{cluster.Database.Provider}] evidence hashes compared: {compared}, all equal");
    }

    [Fact]
    public async Task Overdue_and_late_first_contact_notify_the_officers_once_with_both_nodes_running_the_clock()
    {
        var token = await TwoNodeDatabase.TokenAsync(cluster.Database, Demo.Representative);
        using var onA = TwoNodeCluster.Api(cluster.A, token);
        using var onB = TwoNodeCluster.Api(cluster.B, token);
        var reportIds = new List<Guid>();
        for (var i = 0; i < 6; i++) reportIds.Add((await (i % 2 == 0 ? onA : onB).SubmitReportAsync()).Id());
        var caseIds = await TwoNodeDatabase.WithAsync(cluster.Database, db =>
            db.Reports.IgnoreQueryFilters().Where(r => reportIds.Contains(r.Id)).Select(r => r.CaseId).ToListAsync());

        // Both nodes' clocks tick every second at the same moment; the deadline passes for all six at once.
        await MoveFirstContactDeadlineAsync(caseIds, DateTimeOffset.UtcNow.AddMinutes(-5));
        await WaitUntilAsync(caseIds, c => c.OverdueNotifiedAt != null);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var overdue = await NoticesAsync(caseIds, NotificationKind.FirstContactOverdue, CaseEventKind.FirstContactOverdue);

        // A day later: the second, sharper notice, also once.
        await MoveFirstContactDeadlineAsync(caseIds, DateTimeOffset.UtcNow.AddHours(-25));
        await WaitUntilAsync(caseIds, c => c.LateNotifiedAt != null);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var late = await NoticesAsync(caseIds, NotificationKind.FirstContactLate, CaseEventKind.FirstContactLate);
        var overdueAfterwards = await NoticesAsync(caseIds, NotificationKind.FirstContactOverdue, CaseEventKind.FirstContactOverdue);

        var mail = await MailedCasesAsync(caseIds);
        output.WriteLine($"[{cluster.Database.Provider}] overdue notices per case (expected 1 each): {string.Join(", ", overdue.Select(n => n.Queued))}; " +
            $"timeline lines: {string.Join(", ", overdue.Select(n => n.Timeline))}");
        output.WriteLine($"[{cluster.Database.Provider}] late notices per case (expected 1 each): {string.Join(", ", late.Select(n => n.Queued))}; " +
            $"timeline lines: {string.Join(", ", late.Select(n => n.Timeline))}");
        foreach (var (officer, counts) in mail)
            output.WriteLine($"[{cluster.Database.Provider}] e-mail to {officer}: overdue covers {counts.Overdue} case(s), late covers {counts.Late} (expected {caseIds.Count} each)");

        Assert.All(overdue, n => Assert.Equal((1, 1), (n.Queued, n.Timeline)));
        Assert.All(late, n => Assert.Equal((1, 1), (n.Queued, n.Timeline)));
        Assert.All(overdueAfterwards, n => Assert.Equal((1, 1), (n.Queued, n.Timeline)));
        Assert.Equal(new[] { Demo.Officer }, mail.Keys.ToArray());
        Assert.Equal((caseIds.Count, caseIds.Count), mail[Demo.Officer]);
    }

    private Task MoveFirstContactDeadlineAsync(List<Guid> caseIds, DateTimeOffset due) =>
        TwoNodeDatabase.WithAsync(cluster.Database, db => db.Cases.IgnoreQueryFilters().Where(c => caseIds.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AwaitingContactUntil, due).SetProperty(c => c.FirstContactDueAt, due)));

    private async Task WaitUntilAsync(List<Guid> caseIds, System.Linq.Expressions.Expression<Func<Case, bool>> done)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var count = await TwoNodeDatabase.WithAsync(cluster.Database, db => db.Cases.IgnoreQueryFilters().Where(c => caseIds.Contains(c.Id)).CountAsync(done));
            if (count == caseIds.Count) return;
            await Task.Delay(100);
        }
        Assert.Fail($"The case clocks did not get to all {caseIds.Count} cases within 30 s.\nA:\n{cluster.A.RecentOutput}\nB:\n{cluster.B.RecentOutput}");
    }

    private sealed record Notices(Guid CaseId, int Queued, int Timeline);

    private Task<List<Notices>> NoticesAsync(List<Guid> caseIds, NotificationKind kind, CaseEventKind line) =>
        TwoNodeDatabase.WithAsync(cluster.Database, async db =>
        {
            var queued = await db.Notifications.IgnoreQueryFilters().Where(n => n.Kind == kind && caseIds.Contains(n.SubjectId))
                .Select(n => n.SubjectId).ToListAsync();
            var timeline = await db.CaseEvents.IgnoreQueryFilters().Where(e => e.Kind == line && caseIds.Contains(e.CaseId))
                .Select(e => e.CaseId).ToListAsync();
            return caseIds.Select(id => new Notices(id, queued.Count(q => q == id), timeline.Count(t => t == id))).ToList();
        });

    // Waits for both nodes' dispatchers to send the clock's notices, then reads the pickup directory
    // they share: per officer, how many cases the overdue and the late e-mails speak of. A mail may
    // combine several cases ("… in 4 cases"); a case sent twice would push the sum over the count.
    private async Task<Dictionary<string, (int Overdue, int Late)>> MailedCasesAsync(List<Guid> caseIds)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var unsent = await TwoNodeDatabase.WithAsync(cluster.Database, db => db.Notifications.IgnoreQueryFilters()
                .CountAsync(n => caseIds.Contains(n.SubjectId) && n.SentAt == null));
            if (unsent == 0) break;
            await Task.Delay(100);
        }
        var counts = new Dictionary<string, (int Overdue, int Late)>();
        foreach (var file in Directory.GetFiles(cluster.MailDirectory, "*.eml"))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            var body = message.TextBody ?? "";
            var cases = CasesIn(body);
            foreach (var to in message.To.Mailboxes.Select(m => m.Address))
            {
                var (overdue, late) = counts.GetValueOrDefault(to);
                if (body.Contains("first-contact deadline of", StringComparison.Ordinal)) overdue += cases;
                else if (body.Contains("waited for first contact for more than a day", StringComparison.Ordinal)) late += cases;
                else continue;
                counts[to] = (overdue, late);
            }
        }
        return counts;
    }

    private static int CasesIn(string body) =>
        System.Text.RegularExpressions.Regex.Match(body, @"(\d+) cases") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 1;

    private static Dictionary<string, string> Credentials(string email) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = Demo.Password,
    };

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
