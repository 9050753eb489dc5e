using AngleSharp.Dom;
using Varna.Features.Representatives;

namespace Varna.Tests.Representatives;

public sealed class RepresentativePagesTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private static Dictionary<string, string> Person(string first, string last, string email) => new()
    {
        ["Input.FirstName"] = first, ["Input.LastName"] = last, ["Input.Email"] = email,
        ["Input.Phone"] = "", ["Input.BirthYear"] = "", ["Input.Party"] = "",
    };

    [Fact]
    public async Task Create_with_missing_name_bad_email_and_party_without_consent_names_each_field_and_stores_nothing()
    {
        var client = await factory.SignedInAsync(Demo.Admin);
        var before = await factory.RepresentativeCountAsync();

        var fields = Person("", "Öström", "inte-en-adress");
        fields["Input.Party"] = "Socialdemokraterna";
        var response = await client.SubmitFormAsync("/admin/fortroendevalda/ny", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("måste fyllas i", Assert.Single(page.FieldErrors("Input.FirstName")));
        Assert.Contains("giltig e-postadress", Assert.Single(page.FieldErrors("Input.Email")));
        Assert.Contains("samtycke", Assert.Single(page.FieldErrors("Input.Party")));
        Assert.Empty(page.FieldErrors("Input.LastName"));
        Assert.Equal("Öström", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_LastName")!.Value);
        Assert.Equal(before, await factory.RepresentativeCountAsync());
    }

    [Fact]
    public async Task Created_representative_opens_on_its_page_and_appears_in_the_list()
    {
        var client = await factory.SignedInAsync(Demo.Admin);
        var fields = Person("Märta", "Ångström", "marta.angstrom@demokommun.se");
        fields["Input.Gender"] = "woman";
        fields["Input.BirthYear"] = "1968";

        var response = await client.SubmitFormAsync("/admin/fortroendevalda/ny", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Equal("Märta Ångström", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Märta Ångström är tillagd", page.QuerySelector("[role=status]")!.TextContent);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Gender'][value=woman]")!.IsChecked);

        var list = await client.GetPageAsync("/admin/fortroendevalda?q=%C3%A5ngstr%C3%B6m");
        var names = list.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Ångström, Märta"], names);
    }

    [Fact]
    public async Task Second_representative_with_the_same_email_gets_a_field_error()
    {
        var existing = await factory.RepresentativeAsync(r => r.Email is not null);
        var client = await factory.SignedInAsync(Demo.Admin);

        var response = await client.SubmitFormAsync("/admin/fortroendevalda/ny", Person("Ny", "Person", existing.Email!.ToUpperInvariant()));

        var page = await response.ReadPageAsync();
        Assert.Contains("finns redan", Assert.Single(page.FieldErrors("Input.Email")));
    }

    [Fact]
    public async Task Edit_with_an_impossible_birth_year_names_the_field_and_changes_nothing()
    {
        var person = await factory.NewRepresentativeAsync("Bo", "Ek");
        var client = await factory.SignedInAsync(Demo.Admin);

        var response = await client.SubmitFormAsync($"/admin/fortroendevalda/{person.Id}", new Dictionary<string, string>
        {
            ["Input.BirthYear"] = "1850",
            ["Input.Phone"] = "08-123 456",
        });

        var page = await response.ReadPageAsync();
        Assert.Contains("Födelseår måste vara mellan 1900", Assert.Single(page.FieldErrors("Input.BirthYear")));
        Assert.Equal(person.Phone, (await factory.ReloadAsync(person)).Phone);
    }

    [Fact]
    public async Task Party_without_consent_is_rejected_and_nothing_is_changed()
    {
        var person = await factory.RepresentativeAsync(r => r.Party is null && r.Phone is not null);
        var client = await factory.SignedInAsync(Demo.Admin);

        var response = await client.SubmitFormAsync($"/admin/fortroendevalda/{person.Id}", new Dictionary<string, string>
        {
            ["Input.Party"] = "Centerpartiet",
            ["Input.Phone"] = "08-999 99 99",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("samtycke", Assert.Single(page.FieldErrors("Input.Party")));
        var after = await factory.ReloadAsync(person);
        Assert.Null(after.Party);
        Assert.Equal(person.Phone, after.Phone);
    }

    [Fact]
    public async Task Party_with_consent_is_saved_and_unticking_consent_removes_it()
    {
        var person = await factory.NewRepresentativeAsync("Karin", "Sjöholm");
        var client = await factory.SignedInAsync(Demo.Admin);
        var url = $"/admin/fortroendevalda/{person.Id}";

        var saved = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Party"] = "Liberalerna", ["Input.PartyConsent"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var withParty = await factory.ReloadAsync(person);
        Assert.Equal("Liberalerna", withParty.Party);
        Assert.NotNull(withParty.PartyConsentRecordedAt);

        // The form now shows the box ticked; a browser leaves it out of the post when unticked.
        var page = await client.GetPageAsync(url);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[type=checkbox][name='Input.PartyConsent']")!.IsChecked = false;
        var withdrawn = await client.PostFormAsync(form, url, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("partiuppgiften raderad", (await client.GetPageAsync(url)).QuerySelector("[role=status]")!.TextContent);
        var after = await factory.ReloadAsync(person);
        Assert.Null(after.Party);
        Assert.Null(after.PartyConsentRecordedAt);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01T00:00")]
    public async Task Mandate_dated_outside_a_lifetime_is_refused_on_the_start_date_and_not_stored(string from)
    {
        var person = await factory.NewRepresentativeAsync("Tora", "Årsdal");
        var client = await factory.SignedInAsync(Demo.Admin);
        var fields = new Dictionary<string, string>
        {
            ["Input.BodyKind"] = "municipal_council", ["Input.BodyName"] = "", ["Input.Role"] = "member", ["Input.From"] = from, ["Input.To"] = "",
        };

        var page = await (await client.SubmitFormAsync($"/admin/fortroendevalda/{person.Id}/uppdrag/ny", fields)).ReadPageAsync();

        Assert.Contains("Ange ett datum mellan år 1950 och 2100", Assert.Single(page.FieldErrors("Input.From")));
        Assert.Equal(person.Mandates.Count, (await factory.ReloadAsync(person)).Mandates.Count);
    }

    [Fact]
    public async Task Mandate_for_a_committee_needs_its_name_then_is_added_and_can_be_ended()
    {
        var person = await factory.NewRepresentativeAsync("Mats", "Älvdal");
        var client = await factory.SignedInAsync(Demo.Admin);
        var newUrl = $"/admin/fortroendevalda/{person.Id}/uppdrag/ny";
        var yesterday = DateOnly.FromDateTime(DateTime.Now).AddDays(-1);
        var from = yesterday.AddYears(-1);
        var fields = new Dictionary<string, string>
        {
            ["Input.BodyKind"] = "committee", ["Input.BodyName"] = "", ["Input.Role"] = "vice_chair",
            ["Input.From"] = from.ToString("yyyy-MM-dd"), ["Input.To"] = "",
        };

        var rejected = await (await client.SubmitFormAsync(newUrl, fields)).ReadPageAsync();
        Assert.Contains("Ange organets namn", Assert.Single(rejected.FieldErrors("Input.BodyName")));
        Assert.Equal(person.Mandates.Count, (await factory.ReloadAsync(person)).Mandates.Count);

        fields["Input.BodyName"] = "Överförmyndarnämnden";
        var added = await client.SubmitFormAsync(newUrl, fields);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var mandate = (await factory.ReloadAsync(person)).Mandates.Single(m => m.BodyName == "Överförmyndarnämnden");
        Assert.Equal(MandateRole.ViceChair, mandate.Role);
        Assert.Null(mandate.To);

        var mandateUrl = $"/admin/fortroendevalda/{person.Id}/uppdrag/{mandate.Id}";
        var tooEarly = await (await client.SubmitFormAsync(mandateUrl, new Dictionary<string, string> { ["End.LastDay"] = from.AddDays(-1).ToString("yyyy-MM-dd") },
            "form[action*='handler=End']")).ReadPageAsync();
        Assert.Contains("Slutdatum kan inte vara före startdatum", Assert.Single(tooEarly.FieldErrors("End.LastDay")));

        var ended = await client.SubmitFormAsync(mandateUrl, new Dictionary<string, string> { ["End.LastDay"] = yesterday.ToString("yyyy-MM-dd") },
            "form[action*='handler=End']");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var personPage = await client.GetPageAsync($"/admin/fortroendevalda/{person.Id}");
        var row = personPage.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Överförmyndarnämnden"));
        Assert.Contains(yesterday.ToString("yyyy-MM-dd"), row.TextContent);
        Assert.Contains("Avslutat", row.TextContent);
    }

    [Fact]
    public async Task List_is_sorted_by_last_name_and_marks_the_statutory_representatives()
    {
        var client = await factory.SignedInAsync(Demo.Admin);
        var page = await client.GetPageAsync("/admin/fortroendevalda?organ=municipal_executive_board&aktuella=true");

        var rows = page.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(11, rows.Count); // the demo's board
        var lastNames = rows.Select(r => r.QuerySelector("td")!.TextContent.Split(',')[0].Trim()).ToList();
        Assert.Equal(lastNames.Order(StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true)), lastNames);
        Assert.Equal(3, rows.Count(r => r.QuerySelector(".badge")?.TextContent == "KL 4:18 a"));
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#aktuella")!.IsChecked);
    }

    [Theory]
    [InlineData(Demo.Representative)]
    [InlineData(Demo.Analyst)]
    [InlineData(Demo.Officer)]
    public async Task Other_roles_are_denied_the_admin_pages(string email)
    {
        var person = await factory.RepresentativeAsync(_ => true);
        var client = await factory.SignedInAsync(email);
        foreach (var url in new[] { "/admin/fortroendevalda", "/admin/fortroendevalda/ny", $"/admin/fortroendevalda/{person.Id}",
                     "/admin/fortroendevalda/import", "/admin/fortroendevalda/import/mall.csv" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                || response.Headers.Location?.AbsolutePath == "/konto/atkomst-nekad", $"{email} on {url}: {response.StatusCode}");
        }
    }
}
