using System.Text;
using Varna.Features.Representatives;

namespace Varna.Tests.Representatives;

public sealed class RosterImportTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private static byte[] Utf8(string text, bool bom) =>
        [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

    private async Task<List<Representative>> ByEmailDomainAsync(string domain)
    {
        var organisationId = await factory.OrganisationIdAsync(RepresentativesArrange.DemoKommun);
        return await factory.WithDbAsync(organisationId, db => db.Representatives.AsNoTracking().Include(r => r.Mandates)
            .Where(r => r.Email!.EndsWith("@" + domain)).ToListAsync());
    }

    private async Task<string> StatusAfterAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/fortroendevalda", response.Headers.Location!.ToString());
        return (await client.GetPageAsync("/admin/fortroendevalda")).QuerySelector("p.notice[role=status]")!.TextContent.Trim();
    }

    [Fact]
    public async Task Semicolon_file_with_bom_imports_people_and_mandates_keeping_swedish_letters()
    {
        var client = await factory.SignedInAsync(Demo.Admin);
        const string csv = """
            Förnamn;Efternamn;E-post;Telefon;Kön;Födelseår;Organ;Organnamn;Roll;Heltid;Från;Till
            Åsa;Öberg;asa.oberg@semikolon.se;070-123 45 67;kvinna;1975;kommunstyrelsen;;ordförande;ja;2026-10-15;2030-10-14
            Åsa;Öberg;asa.oberg@semikolon.se;;;;nämnd;Socialnämnden;ledamot;nej;2026-10-15;
            Jörgen;Ärlig;jorgen.arlig@semikolon.se;;man;;kommunfullmäktige;;ersättare;;2026-10-15;2030-10-14

            """;

        var response = await client.UploadRosterAsync(Utf8(csv, bom: true));

        Assert.Equal("2 förtroendevalda och 3 uppdrag importerades.", await StatusAfterAsync(client, response));
        var imported = await ByEmailDomainAsync("semikolon.se");
        var asa = imported.Single(r => r.LastName == "Öberg");
        Assert.Equal("Åsa", asa.FirstName);
        Assert.Equal(Gender.Woman, asa.Gender);
        Assert.Equal(1975, asa.BirthYear);
        Assert.Equal(2, asa.Mandates.Count);
        Assert.Contains(asa.Mandates, m => m.BodyKind == BodyKind.MunicipalExecutiveBoard && m.Role == MandateRole.Chair && m.FullTimeOrLargePartTime);
        Assert.Contains(asa.Mandates, m => m.BodyName == "Socialnämnden" && m.To is null);
        Assert.Equal("Ärlig", imported.Single(r => r.FirstName == "Jörgen").LastName);
    }

    [Fact]
    public async Task Comma_file_without_bom_and_with_english_headers_imports()
    {
        var client = await factory.SignedInAsync(Demo.Admin);
        const string csv = "first_name,last_name,email,gender,body,body_name,role,full_time,from,to\r\n"
            + "Göran,Ödmark,goran.odmark@komma.se,man,committee,\"Miljö- och byggnadsnämnden, norra\",vice_chair,no,2026-10-15,2030-10-14\r\n";

        var response = await client.UploadRosterAsync(Utf8(csv, bom: false));

        Assert.Equal("1 förtroendevalda och 1 uppdrag importerades.", await StatusAfterAsync(client, response));
        var goran = Assert.Single(await ByEmailDomainAsync("komma.se"));
        Assert.Equal(("Göran", "Ödmark"), (goran.FirstName, goran.LastName));
        Assert.Equal("Miljö- och byggnadsnämnden, norra", Assert.Single(goran.Mandates).BodyName);
    }

    [Fact]
    public async Task File_with_bad_rows_imports_nothing_and_lists_every_bad_row_and_why()
    {
        var client = await factory.SignedInAsync(Demo.Admin);
        var before = await factory.RepresentativeCountAsync();
        const string csv = """
            förnamn;efternamn;e-post;kön;organ;organnamn;roll;heltid;från;till
            Ulla;Ängel;ulla.angel@fel.se;kvinna;kommunfullmäktige;;ledamot;nej;2026-10-15;
            ;Berg;berg@fel.se;;kommunfullmäktige;;ledamot;nej;2026-10-15;
            Olle;Ås;olle.as@fel.se;;nämnd;;talman;kanske;15/10/2026;
            Per;Ek;per.ek@fel.se;;landsting;;ledamot;;2026-10-15;2026-01-01
            """;

        var response = await client.UploadRosterAsync(Utf8(csv, bom: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await factory.RepresentativeCountAsync());
        Assert.Empty(await ByEmailDomainAsync("fel.se"));
        var page = await response.ReadPageAsync();
        Assert.Contains("Ingenting importerades", page.QuerySelector(".error-summary")!.TextContent);
        var problems = page.QuerySelectorAll("table.import-problems tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.DoesNotContain(problems, p => p[0] == "2");
        Assert.Contains(problems, p => p is ["3", "förnamn", var why] && why.Contains("måste fyllas i"));
        Assert.Contains(problems, p => p is ["4", "organnamn", var why] && why.Contains("Ange organets namn"));
        Assert.Contains(problems, p => p is ["4", "roll", var why] && why.Contains("”talman” är inte en känd roll"));
        Assert.Contains(problems, p => p is ["4", "heltid", var why] && why.Contains("”kanske”"));
        Assert.Contains(problems, p => p is ["4", "från", var why] && why.Contains("ÅÅÅÅ-MM-DD"));
        Assert.Contains(problems, p => p is ["5", "organ", var why] && why.Contains("”landsting” är inte ett känt organ"));
        Assert.Contains(problems, p => p is ["5", "till", var why] && why.Contains("före startdatum"));
        Assert.Equal(7, problems.Count);
    }

    [Fact]
    public async Task Errors_are_reported_in_english_for_an_english_user()
    {
        var client = await factory.SignedInAsync(Demo.Admin);
        await client.SubmitFormAsync("/", new Dictionary<string, string>(), "form.language-switch");

        var response = await client.UploadRosterAsync(Utf8("förnamn;efternamn;e-post;organ;roll;från\nAnna;Al;anna@en.se;kommunfullmäktige;boss;2026-10-15\n", bom: false));

        var row = (await response.ReadPageAsync()).QuerySelector("table.import-problems tbody tr")!.TextContent;
        Assert.Contains("\"boss\" is not a known role", row);
    }

    [Fact]
    public async Task Missing_required_columns_are_reported_once_each()
    {
        var client = await factory.SignedInAsync(Demo.Admin);
        const string csv = "förnamn;efternamn;organ;roll\nA;B;nämnd;ledamot\nC;D;nämnd;ledamot\n";

        var page = await (await client.UploadRosterAsync(Utf8(csv, bom: false))).ReadPageAsync();

        var problems = page.QuerySelectorAll("table.import-problems tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p is ["1", "e-post", var why] && why.Contains("saknas"));
        Assert.Contains(problems, p => p is ["1", "från", _]);
    }

    [Fact]
    public async Task Row_for_an_existing_email_adds_the_mandate_to_that_person_without_duplicating()
    {
        var person = await factory.RepresentativeAsync(r => r.Mandates.Any(m => m.BodyKind == BodyKind.MunicipalCouncil));
        var council = person.Mandates.First(m => m.BodyKind == BodyKind.MunicipalCouncil);
        var before = await factory.RepresentativeCountAsync();
        var client = await factory.SignedInAsync(Demo.Admin);
        var role = council.Role == MandateRole.Member ? "ledamot" : "ersättare";
        var csv = "förnamn;efternamn;e-post;organ;organnamn;roll;från;till\n"
            + $"{person.FirstName};{person.LastName};{person.Email!.ToUpperInvariant()};kommunfullmäktige;;{role};{council.From:yyyy-MM-dd};{council.To:yyyy-MM-dd}\n"
            + $"{person.FirstName};{person.LastName};{person.Email};utskott;Arbetsutskottet;1:e vice ordförande;2026-11-01;\n";

        var response = await client.UploadRosterAsync(Utf8(csv, bom: true));

        var status = await StatusAfterAsync(client, response);
        Assert.Equal("0 förtroendevalda och 1 uppdrag importerades. 1 uppdrag fanns redan och lades inte till igen.", status);
        Assert.Equal(before, await factory.RepresentativeCountAsync());
        var after = await factory.ReloadAsync(person);
        Assert.Equal(person.Mandates.Count + 1, after.Mandates.Count);
        Assert.Contains(after.Mandates, m => m.BodyName == "Arbetsutskottet" && m.Role == MandateRole.ViceChair);
    }

    [Fact]
    public async Task Same_email_with_another_name_in_one_file_is_an_error()
    {
        var client = await factory.SignedInAsync(Demo.Admin);
        const string csv = "förnamn;efternamn;e-post;organ;roll;från\nLisa;Lund;delad@dubbel.se;kommunfullmäktige;ledamot;2026-10-15\nLasse;Lund;delad@dubbel.se;kommunstyrelsen;ledamot;2026-10-15\n";

        var page = await (await client.UploadRosterAsync(Utf8(csv, bom: false))).ReadPageAsync();

        var problem = Assert.Single(page.QuerySelectorAll("table.import-problems tbody tr"));
        Assert.Contains("rad 2", problem.TextContent);
        Assert.Empty(await ByEmailDomainAsync("dubbel.se"));
    }

    [Theory]
    [InlineData("fortroendevalda.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "inte en CSV-fil")]
    [InlineData("fortroendevalda.csv", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "inte en CSV-fil")]
    [InlineData("fortroendevalda.csv", new byte[] { 0x66, 0xF6, 0x72, 0x6E, 0x61, 0x6D, 0x6E }, "UTF-8")] // "förnamn" in Windows-1252
    public async Task Non_csv_content_is_rejected_with_a_clear_message(string fileName, byte[] content, string expected)
    {
        var client = await factory.SignedInAsync(Demo.Admin);

        var page = await (await client.UploadRosterAsync(content, fileName)).ReadPageAsync();

        Assert.Contains(expected, Assert.Single(page.FieldErrors("Upload")));
    }

    [Fact]
    public async Task File_over_the_size_limit_is_rejected_with_a_clear_message()
    {
        var client = await factory.SignedInAsync(Demo.Admin);
        var header = "förnamn;efternamn;e-post;organ;roll;från\n";
        var big = Utf8(header + string.Concat(Enumerable.Repeat("Anna;Andersson;a@b.se;kommunfullmäktige;ledamot;2026-10-15\n", 40_000)), bom: false);
        Assert.True(big.Length > RosterImport.MaxBytes);

        var page = await (await client.UploadRosterAsync(big)).ReadPageAsync();

        Assert.Contains("högst 2 MB", Assert.Single(page.FieldErrors("Upload")));
    }

    [Fact]
    public async Task Template_is_utf8_with_bom_and_semicolons_and_imports_as_it_is()
    {
        var client = await factory.SignedInAsync(Demo.Admin);

        var response = await client.GetAsync("/admin/fortroendevalda/import/mall.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var firstLine = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n")[0];
        Assert.StartsWith("förnamn;efternamn;e-post;", firstLine);

        var status = await StatusAfterAsync(client, await client.UploadRosterAsync(bytes));
        Assert.Equal("2 förtroendevalda och 3 uppdrag importerades.", status);
    }
}
