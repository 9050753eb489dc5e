using Microsoft.Extensions.DependencyInjection;
using Varna.Features.Audit;

namespace Varna.Tests.Privacy;

// Erasure on request (GDPR art. 17): the officer first sees what goes and what stays and why, must
// confirm, and gets a receipt; the record and account are anonymised, old closed cases erased,
// open and retained cases kept.
public sealed class ErasureTests(PrivacyFactory factory) : IClassFixture<PrivacyFactory>
{
    private const string Url = "/dataskydd/radering";

    private sealed record Situation(Person Person, ArrangedCase Old, ArrangedCase Open, ArrangedCase Retained);

    // One case closed long ago (past the 24 months), one open, one closed last week.
    private async Task<Situation> ArrangeAsync()
    {
        var person = await factory.PersonAsync(firstName: "Maja");
        var old = await factory.ReportAsync(person.Email, "Gammalt hot mot Maja.");
        await factory.CloseAsync(old.CaseId);
        factory.AdvanceMonths(25);
        var open = await factory.ReportAsync(person.Email, "Pågående hot mot Maja.");
        var retained = await factory.ReportAsync(person.Email, "Nyligen avslutat hot mot Maja.");
        await factory.CloseAsync(retained.CaseId);
        return new Situation(person, old, open, retained);
    }

    [Fact]
    public async Task The_page_first_shows_what_will_be_erased_and_what_must_be_kept_and_why()
    {
        var s = await ArrangeAsync();
        var dpo = await factory.SignedInAsync(Demo.Dpo);

        var page = await dpo.GetPageAsync($"{Url}?representant={s.Person.RepresentativeId}");

        var erased = page.QuerySelector("#erasure-erased-heading")!.ParentElement!.TextContent;
        Assert.Contains(s.Old.Reference, erased);
        Assert.Contains("Raderad förtroendevald", erased);
        var kept = page.QuerySelector("#erasure-kept-heading")!.ParentElement!;
        var rows = kept.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(s.Open.Reference) && r.Contains("pågående hot"));
        Assert.Contains(rows, r => r.Contains(s.Retained.Reference) && r.Contains("allmän handling") && r.Contains("polisutredning"));
        Assert.DoesNotContain(rows, r => r.Contains(s.Old.Reference));
        Assert.Contains("artikel 5.2", kept.TextContent);
        Assert.NotNull(page.QuerySelector("input[type=checkbox][name='Input.ErasureConfirmed']"));
        // Showing changes nothing.
        Assert.Null((await factory.CaseRowAsync(s.Old.CaseId)).PersonalDataErasedAt);
    }

    [Fact]
    public async Task Without_the_confirmation_the_field_is_named_and_nothing_changes()
    {
        var s = await ArrangeAsync();
        var dpo = await factory.SignedInAsync(Demo.Dpo);

        var response = await dpo.SubmitFormAsync($"{Url}?representant={s.Person.RepresentativeId}",
            new Dictionary<string, string>(), "main form[method=post]");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kryssa i rutan", Assert.Single(page.FieldErrors("Input.ErasureConfirmed")));
        Assert.Contains("Bekräftelse", page.QuerySelector(".error-summary")!.TextContent);
        var representative = await factory.WithDbAsync(null, db => db.Representatives.IgnoreQueryFilters().SingleAsync(r => r.Id == s.Person.RepresentativeId));
        Assert.Equal(s.Person.LastName, representative.LastName);
        Assert.Null((await factory.CaseRowAsync(s.Old.CaseId)).PersonalDataErasedAt);
    }

    [Fact]
    public async Task Erasure_anonymises_the_record_and_account_erases_old_closed_cases_keeps_the_rest_and_gives_a_receipt()
    {
        var s = await ArrangeAsync();
        var dpo = await factory.SignedInAsync(Demo.Dpo);

        var response = await dpo.SubmitFormAsync($"{Url}?representant={s.Person.RepresentativeId}",
            new Dictionary<string, string> { ["Input.ErasureConfirmed"] = "true" }, "main form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var receipt = await dpo.GetPageAsync(response.Headers.Location!.OriginalString);
        var text = receipt.QuerySelector("main")!.TextContent;
        Assert.Contains($"Ärenden vars personuppgifter raderades: {s.Old.Reference}", text);
        Assert.Contains(s.Open.Reference, text);
        Assert.Contains(s.Retained.Reference, text);
        Assert.Contains("Granskningsloggen sparas", text);

        var representative = await factory.WithDbAsync(null, db => db.Representatives.IgnoreQueryFilters().Include(r => r.Mandates)
            .SingleAsync(r => r.Id == s.Person.RepresentativeId));
        Assert.Equal(("Raderad", "förtroendevald"), (representative.FirstName, representative.LastName));
        Assert.Null(representative.Email);
        Assert.Null(representative.Phone);
        Assert.Null(representative.BirthYear);
        Assert.Empty(representative.Mandates);
        var account = await factory.WithDbAsync(null, db => db.Users.SingleAsync(u => u.Id == s.Person.UserId));
        Assert.EndsWith("@raderad.invalid", account.Email);
        Assert.Equal("Raderad användare", account.DisplayName);
        Assert.Null(account.PhoneNumber);
        Assert.Null(account.PasswordHash);
        Assert.True(account.IsDeactivated);
        var signIn = await factory.CreatePageClient().SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
        {
            ["Input.Email"] = s.Person.Email, ["Input.Password"] = Demo.Password,
        });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);

        Assert.NotNull((await factory.CaseRowAsync(s.Old.CaseId)).PersonalDataErasedAt);
        Assert.Equal("", (await factory.ReportRowAsync(s.Old.ReportId)).Description);
        Assert.Equal(0, await factory.WithDbAsync(null, db => db.EvidenceContents.IgnoreQueryFilters().CountAsync(x => x.EvidenceId == s.Old.EvidenceId)));
        Assert.Equal("Pågående hot mot Maja.", (await factory.ReportRowAsync(s.Open.ReportId)).Description);
        Assert.Equal("Nyligen avslutat hot mot Maja.", (await factory.ReportRowAsync(s.Retained.ReportId)).Description);
        Assert.Null((await factory.CaseRowAsync(s.Retained.CaseId)).PersonalDataErasedAt);

        Assert.Equal(1, await factory.AuditCountAsync(s.Old.CaseId, AuditAction.Erasure));
        Assert.Equal(1, await factory.WithDbAsync(null, db => db.AuditEntries.CountAsync(a =>
            a.Action == AuditAction.Erasure && a.Target == $"representative:{s.Person.RepresentativeId}")));
    }

    [Fact]
    public async Task A_bad_choice_in_the_address_is_answered_on_the_field()
    {
        var dpo = await factory.SignedInAsync(Demo.Dpo);

        var page = await dpo.GetPageAsync($"{Url}?representant=inte-ett-id");

        Assert.Contains("finns inte i organisationen", Assert.Single(page.FieldErrors("Input.RepresentativeId")));
        Assert.Null(page.QuerySelector("input[name='Input.ErasureConfirmed']"));
    }

    [Fact]
    public async Task An_account_that_is_also_an_administrator_is_not_erased_until_the_role_is_removed()
    {
        var person = await factory.PersonAsync(firstName: "Admin");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(person.UserId.ToString()))!, Roles.OrgAdmin)).Succeeded);
        }
        var dpo = await factory.SignedInAsync(Demo.Dpo);

        var page = await dpo.GetPageAsync($"{Url}?representant={person.RepresentativeId}");
        // A crafted post (the page offers no button): any form's antiforgery token will do.
        var anyForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await dpo.GetPageAsync("/dataskydd/registerutdrag")).QuerySelector("main form[method=post]")!;
        var forced = await (await dpo.PostFormAsync(anyForm, Url,
            new Dictionary<string, string> { ["Input.RepresentativeId"] = person.RepresentativeId.ToString(), ["Input.ErasureConfirmed"] = "true" })).ReadPageAsync();

        Assert.Contains("andra roller", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Null(page.QuerySelector("input[name='Input.ErasureConfirmed']"));
        Assert.Contains("andra roller", forced.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(person.Email, await factory.WithDbAsync(null, db => db.Users.Where(u => u.Id == person.UserId).Select(u => u.Email).SingleAsync()));
    }
}
