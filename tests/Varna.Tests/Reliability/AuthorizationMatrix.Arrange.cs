using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Varna.Tests.Cases;
using Varna.Tests.Reports;

namespace Varna.Tests.Reliability;

// Organisation A (Demo kommun) gets one of everything a route can point at, made through the app
// as its users would make it. The ids fill the route parameters, so that organisation B's officer
// (Exempelregionen) asks for A's real objects, and the ids and texts are the canaries that must
// never reach B, an anonymous caller or a revoked token.
public sealed record MatrixData(
    Guid CaseId, string CaseReference, Guid ReportId, Guid EvidenceId, Guid MeasureId, Guid FollowUpId,
    Guid RepresentativeId, Guid MandateId, Guid TargetUserId, Guid SacrificialTokenId, string RevokedTokenSecret,
    IReadOnlyList<string> Canaries)
{
    // A text only organisation A's report holds.
    public const string CanaryText = "Kanariefageln-7Q3 sjong om matrisens hemlighet";
    public const string TargetUserEmail = "matris.mal@demo.varna.se";
    public const string TargetUserName = "Matrisa Kanariesson";
}

public static class AuthorizationMatrixArrange
{
    private static readonly HtmlParser Parser = new();

    public static async Task<MatrixData> ArrangeAsync(VarnaFactory factory)
    {
        var orgA = await factory.OrganisationIdAsync(ReportsArrange.DemoKommun);
        var officerApi = await factory.ApiClientAsync(Demo.Officer);
        var reporterApi = await factory.ApiClientAsync(Demo.Representative);

        // Three other reports first: the matrix's case is then DEMO-yyyy-0004, a reference no UI text
        // uses as its example (the audit log's and the link form's hints show 0001 and 0003).
        for (var i = 0; i < 3; i++) await reporterApi.SubmitReportAsync(ReportsArrange.ValidReport("Matrisens utfyllnad."));
        var submitted = await reporterApi.SubmitReportAsync(ReportsArrange.ValidReport(MatrixData.CanaryText));
        var reportId = submitted.Id();
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters()
            .Where(r => r.Id == reportId).Select(r => r.CaseId).SingleAsync());
        var reference = await factory.WithDbAsync(null, db => db.Cases.IgnoreQueryFilters()
            .Where(x => x.Id == caseId).Select(x => x.Reference).SingleAsync());

        var upload = await reporterApi.PostAsync($"/api/v1/reports/{reportId}/evidence", ReportsArrange.Files(("kanarie-7q3.png", ReportsArrange.Png)));
        Assert.True(upload.IsSuccessStatusCode, $"Evidence upload: {upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
        var evidenceId = await factory.WithDbAsync(null, db => db.Evidence.IgnoreQueryFilters()
            .Where(e => e.ReportId == reportId).Select(e => e.Id).SingleAsync());

        var measure = await officerApi.AddMeasureAsync(caseId);
        await officerApi.AssessAsync(caseId, "moderate", "Kanariefageln-7Q3 bedöms som måttlig.");
        var followUp = await officerApi.PostJsonAsync($"/api/v1/cases/{caseId}/follow-ups",
            new JsonObject { ["dueOn"] = MeasuresArrange.Today.AddDays(7).ToString("yyyy-MM-dd"), ["note"] = "Ring Kanariefageln-7Q3." });
        Assert.True(followUp.IsSuccessStatusCode, $"Follow-up: {followUp.StatusCode} {await followUp.Content.ReadAsStringAsync()}");
        var followUpId = await factory.WithDbAsync(null, db => db.FollowUps.IgnoreQueryFilters()
            .Where(f => f.CaseId == caseId).Select(f => f.Id).SingleAsync());

        // The reporter's own representative record, with one of its mandates.
        var representativeId = await factory.WithDbAsync(null, db => db.Users
            .Where(u => u.Email == Demo.Representative).Select(u => u.RepresentativeId!.Value).SingleAsync());
        var representative = await factory.WithDbAsync(orgA, db => db.Representatives.AsNoTracking()
            .Include(r => r.Mandates).SingleAsync(r => r.Id == representativeId));
        var mandateId = representative.Mandates.Select(m => m.Id).FirstOrDefault();
        Assert.NotEqual(Guid.Empty, mandateId);

        // The admin pages deactivate, reactivate and reset this account; no caller uses it.
        var target = await factory.CreateAccountAsync(MatrixData.TargetUserEmail, Roles.Analyst, orgA, Demo.Password, MatrixData.TargetUserName);

        // The officer's own token that the revoke handler is pointed at: only its owner may revoke it.
        var sacrificialTokenId = await factory.WithDbAsync(null, async db =>
        {
            var officerId = await db.Users.Where(u => u.Email == Demo.Officer).Select(u => u.Id).SingleAsync();
            var (token, _) = ApiToken.Issue(officerId, "matrisens offer", DateTimeOffset.UtcNow);
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync();
            return token.Id;
        });

        var revokedSecret = await RevokedTokenAsync(factory);

        var regionNames = await factory.WithDbAsync(await factory.OrganisationIdAsync(ReportsArrange.Exempelregionen),
            db => db.Representatives.AsNoTracking().Select(r => r.FirstName + " " + r.LastName).ToListAsync());
        var canaries = new List<string>
        {
            reference, MatrixData.CanaryText, "Kanariefageln-7Q3", "kanarie-7q3", MatrixData.TargetUserEmail, MatrixData.TargetUserName,
            caseId.ToString(), reportId.ToString(), evidenceId.ToString(), measure.GetProperty("id").GetString()!, followUpId.ToString(),
            representativeId.ToString(), mandateId.ToString(), target.Id.ToString(), sacrificialTokenId.ToString(),
        };
        // A's representative's name and e-mail, unless B happens to have someone of the same name.
        if (!regionNames.Contains(representative.FullName)) canaries.Add(representative.FullName);
        if (representative.Email is { } email) canaries.Add(email);

        return new MatrixData(caseId, reference, reportId, evidenceId, measure.GetProperty("id").GetGuid(), followUpId,
            representativeId, mandateId, target.Id, sacrificialTokenId, revokedSecret, canaries);
    }

    // A token made on the account page and revoked there, as its owner would: the revoked caller.
    private static async Task<string> RevokedTokenAsync(VarnaFactory factory)
    {
        var owner = await factory.SignedInAsync(Demo.Officer);
        var created = await owner.SubmitFormAsync("/konto/api-nycklar", new Dictionary<string, string> { ["Input.Name"] = "matrisens återkallade" }, "#create-token");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = Parser.ParseDocument(await (await owner.GetAsync("/konto/api-nycklar")).Content.ReadAsStringAsync());
        var secret = page.QuerySelector(".secret")?.TextContent.Trim() ?? throw new InvalidOperationException("No new token secret shown.");
        var tokenId = await factory.WithDbAsync(null, db => db.ApiTokens.Where(t => t.Name == "matrisens återkallade").Select(t => t.Id).SingleAsync());

        var probe = factory.CreateClient();
        probe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/api/v1/me")).StatusCode);

        var revoked = await owner.SubmitFormAsync("/konto/api-nycklar",
            new Dictionary<string, string>(), $"form[action*='{tokenId}']");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.NotNull(await factory.WithDbAsync(null, db => db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.RevokedAt).SingleAsync()));
        return secret;
    }
}
