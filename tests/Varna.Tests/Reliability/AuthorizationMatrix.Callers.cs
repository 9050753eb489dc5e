using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Varna.Tests.Reliability;

// One column of the table. Pages are called with the caller's sign-in cookie, the API with the
// caller's personal token, as a browser and a program would. The revoked caller has only its token.
public sealed class MatrixCaller
{
    private static readonly HtmlParser Parser = new();

    public required string Name { get; init; }
    public string? Email { get; init; }
    public required HttpClient Page { get; set; }
    public required HttpClient Api { get; init; }
    public string? Antiforgery { get; set; }
    // Organisation A's data must never reach this caller (organisation B, the network coordinator, who
    // never sees a case, anonymous, the revoked token): its every answer is searched for canaries.
    public bool IsOutsider { get; init; }

    // Column order of the expectation table.
    public static readonly string[] Columns =
        ["anon", "rep", "officer", "admin", "analyst", "dpo", "network", "officerB", "repB", "adminB", "dpoB", "revoked"];

    // Organisation B's callers besides its officer: each holds a role that is allowed through a
    // door of A's objects (an admin page of A's user, a DPO export of A's representative, a reporter's
    // view of A's report), so that only the tenant boundary can refuse them.
    public const string AdminB = "admin.matris@region.demo.varna.se";
    public const string DpoB = "dso.matris@region.demo.varna.se";

    public static async Task<IReadOnlyList<MatrixCaller>> AllAsync(VarnaFactory factory, MatrixData data)
    {
        var region = await factory.OrganisationIdAsync(Varna.Tests.Reports.ReportsArrange.Exempelregionen);
        await factory.CreateAccountAsync(AdminB, Roles.OrgAdmin, region, Demo.Password, "Regina Admin");
        await factory.CreateAccountAsync(DpoB, Roles.DataProtectionOfficer, region, Demo.Password, "Ragna Dataskydd");
        var callers = new List<MatrixCaller>
        {
            new() { Name = "anon", Page = factory.CreatePageClient(), Api = Bearer(factory, null), IsOutsider = true },
        };
        foreach (var (name, email) in new[]
        {
            ("rep", Demo.Representative), ("officer", Demo.Officer), ("admin", Demo.Admin), ("analyst", Demo.Analyst),
            ("dpo", Demo.Dpo), ("network", Demo.Network),
            ("officerB", Demo.RegionOfficer), ("repB", Demo.RegionRepresentative), ("adminB", AdminB), ("dpoB", DpoB),
        })
        {
            callers.Add(new() { Name = name, Email = email, Page = await factory.SignedInAsync(email), Api = Bearer(factory, await TokenAsync(factory, email)),
                IsOutsider = name.EndsWith('B') || name == "network" });
        }
        var revoked = Bearer(factory, data.RevokedTokenSecret);
        callers.Add(new() { Name = "revoked", Page = revoked, Api = revoked, IsOutsider = true });
        foreach (var caller in callers) caller.Antiforgery = await AntiforgeryAsync(caller.Page, caller.Email is not null);
        Assert.Equal(Columns, callers.Select(c => c.Name));
        return callers;
    }

    // The same caller on a session of its own, for a call that ends or changes the session (sign-out, 2FA reset).
    public async Task<MatrixCaller> FreshSessionAsync(VarnaFactory factory)
    {
        if (Email is null) return this;
        var page = await factory.SignedInAsync(Email);
        return new() { Name = Name, Email = Email, Page = page, Api = Api, IsOutsider = IsOutsider, Antiforgery = await AntiforgeryAsync(page, true) };
    }

    // Signs in again after a row that may have renewed the account's security stamp (a 2FA reset):
    // the old session would die at the next stamp check, minutes later, in the middle of other rows.
    public async Task RenewSessionAsync(VarnaFactory factory)
    {
        if (Email is null) return;
        Page = await factory.SignedInAsync(Email);
        Antiforgery = await AntiforgeryAsync(Page, true);
    }

    private static HttpClient Bearer(VarnaFactory factory, string? secret)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (secret is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static Task<string> TokenAsync(VarnaFactory factory, string email) =>
        factory.WithDbAsync(null, db => TestAccounts.IssueTokenAsync(db, email, "matrisen"));

    // A form token for this caller's cookie: every form it posts carries it, as a browser's would.
    private static async Task<string?> AntiforgeryAsync(HttpClient client, bool signedIn)
    {
        var response = await client.GetAsync(signedIn ? "/konto/losenord" : "/konto/logga-in");
        if (response.StatusCode != HttpStatusCode.OK) return null;
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
    }
}
