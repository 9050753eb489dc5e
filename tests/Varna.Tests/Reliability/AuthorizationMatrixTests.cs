using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Varna.Tests.Reliability;

// Issue 6, section 1: every endpoint the app routes × every kind of caller, against the table in
// AuthorizationMatrix.Table.cs, and not one of organisation A's identifiers or texts in any answer
// to organisation B's callers (officer, representative, admin, DPO), the network coordinator, an
// anonymous caller or a revoked token.
//
// One factory and one run, in a fixed order (routes sorted; the callers of a route call together).
// Calls that would spoil later ones are pointed at things no caller depends on: the admin's account
// handlers (deactivate, reset 2FA...) at an account made for this test, the token revoke handler at a
// token made for this test, and calls that end or change the caller's own session (sign-out, 2FA
// reset, new recovery codes) run on a fresh session of that caller, after which every caller signs
// in again. Every other write is sent
// empty or invalid, so that an allowed caller gets its validation answer (200 page or 400 problem)
// and a refused one its refusal, and nothing the later calls read changes.
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.MatrixFactory factory, ITestOutputHelper output)
    : IClassFixture<AuthorizationMatrixTests.MatrixFactory>
{
    // The matrix signs in some hundred times (a fresh session for every sign-out and 2FA reset).
    // Password hashing is the cost of a sign-in and has nothing to do with who may do what, so this
    // app hashes (the demo accounts too, seeded at start) with few iterations.
    public sealed class MatrixFactory : VarnaFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_table_says_and_never_shows_organisation_A_to_outsiders()
    {
        var data = await AuthorizationMatrixArrange.ArrangeAsync(factory);
        var endpoints = await AuthorizationMatrixEndpoints.AllAsync(factory.Services);
        var callers = await MatrixCaller.AllAsync(factory, data);
        var canaries = data.Canaries.SelectMany(c => new[] { c, JavaScriptEncoder.Default.Encode(c) }).Distinct().ToList();

        var failures = new List<string>();
        var actualRows = new List<string>();
        var calls = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var endpoint in endpoints)
        {
            var expected = AuthorizationMatrixTable.Expected.GetValueOrDefault(endpoint.Key)?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (expected is not null && expected.Length != callers.Count)
                failures.Add($"{endpoint.Key}: the table row has {expected.Length} columns, not {callers.Count}");
            // The callers of one row are independent of each other, so they call at the same time.
            var answers = await Task.WhenAll(callers.Select(async caller =>
            {
                if (AuthorizationMatrixRequests.EndsSession(endpoint)) caller = await caller.FreshSessionAsync(factory);
                var (request, sent) = await AuthorizationMatrixRequests.BuildAsync(factory, endpoint, caller, data);
                using var response = await (endpoint.IsApi ? caller.Api : caller.Page).SendAsync(request);
                var seen = (response.Headers.Location?.ToString() ?? "") + "\n" + await response.Content.ReadAsStringAsync();
                // The caller's own request echoed back (a return URL, a form re-shown with its input) tells it nothing new.
                var leaked = caller.IsOutsider
                    ? canaries.Where(c => seen.Contains(c, StringComparison.OrdinalIgnoreCase) && !sent.Contains(c, StringComparison.OrdinalIgnoreCase)).ToList()
                    : [];
                return (Outcome: Outcome(response), Leaked: leaked);
            }));
            calls += answers.Length;
            var actual = answers.Select(a => a.Outcome).ToList();
            for (var i = 0; i < callers.Count; i++)
            {
                if (expected is { } row && i < row.Length && row[i] != actual[i])
                    failures.Add($"{endpoint.Key} {callers[i].Name}: expected {row[i]} got {actual[i]}");
                if (answers[i].Leaked.Count > 0)
                    failures.Add($"{endpoint.Key} {callers[i].Name}: answer ({actual[i]}) shows organisation A's {string.Join(", ", answers[i].Leaked.Select(l => $"'{l}'"))}");
            }
            if (AuthorizationMatrixRequests.EndsSession(endpoint))
                await Task.WhenAll(callers.Select(c => c.RenewSessionAsync(factory)));
            var line = $"[\"{endpoint.Key}\"] = \"{string.Join(' ', actual)}\", // {watch.ElapsedMilliseconds} ms";
            watch.Restart();
            actualRows.Add(line);
            if (expected is null) failures.Add($"{endpoint.Key}: not in the table (this run: {string.Join(' ', actual)})");
        }
        var routed = endpoints.Select(e => e.Key).ToHashSet();
        failures.AddRange(AuthorizationMatrixTable.Expected.Keys.Where(k => !routed.Contains(k)).Select(k => $"{k}: in the table but no longer routed"));

        output.WriteLine($"Authorization matrix: {endpoints.Count} endpoints × {callers.Count} callers = {calls} calls checked, {failures.Count} failures.");
        output.WriteLine($"Columns: {string.Join(' ', MatrixCaller.Columns)}");
        foreach (var line in actualRows) output.WriteLine(line);
        Assert.True(failures.Count == 0, new StringBuilder()
            .AppendLine($"{failures.Count} of {calls} calls ({endpoints.Count} endpoints × {callers.Count} callers) differ; columns: {string.Join(' ', MatrixCaller.Columns)}")
            .AppendJoin('\n', failures).ToString());
    }

    // What the caller notices: the status, and for a redirect where it goes.
    private static string Outcome(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is < 300 or >= 400) return status.ToString();
        var location = response.Headers.Location;
        var path = location is null ? "" : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        return path.StartsWith("/konto/logga-in", StringComparison.OrdinalIgnoreCase) ? "login"
            : path.StartsWith("/konto/atkomst-nekad", StringComparison.OrdinalIgnoreCase) ? "denied"
            : status.ToString();
    }
}
