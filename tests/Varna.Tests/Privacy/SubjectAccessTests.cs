using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Varna.Features.Audit;
using Varna.Tests.Reports;

namespace Varna.Tests.Privacy;

// The data protection officer's subject-access export (GDPR art. 15): one representative's data
// as JSON and their files, nothing of anyone else's, and the export is audited.
public sealed class SubjectAccessTests(PrivacyFactory factory) : IClassFixture<PrivacyFactory>
{
    private const string Url = "/dataskydd/registerutdrag";

    [Fact]
    public async Task Dpo_downloads_a_zip_with_the_representatives_narrative_messages_and_evidence_and_nothing_of_another()
    {
        var person = await factory.PersonAsync(firstName: "Stina");
        var c = await factory.ReportAsync(person.Email, "Stinas berättelse: lappen i brevlådan om min dotter.");
        await factory.HandleAsync(c, person.Email);
        var other = await factory.PersonAsync(firstName: "Olle");
        await factory.ReportAsync(other.Email, "Olles berättelse: samtal mitt i natten.");
        var dpo = await factory.SignedInAsync(Demo.Dpo);

        var response = await dpo.SubmitFormAsync(Url, new Dictionary<string, string> { ["Input.RepresentativeId"] = person.RepresentativeId.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var json = await ReadAsync(zip, "data.json");
        var data = JsonDocument.Parse(json).RootElement;
        Assert.Equal(person.LastName, data.GetProperty("representative").GetProperty("lastName").GetString());
        Assert.Equal("Byggnadsnämnden", data.GetProperty("representative").GetProperty("mandates")[0].GetProperty("bodyName").GetString());
        var report = Assert.Single(data.GetProperty("reports").EnumerateArray());
        Assert.Equal("Stinas berättelse: lappen i brevlådan om min dotter.", report.GetProperty("description").GetString());
        Assert.Equal(["Har du sparat skärmbilder?", "Ja, de ligger i rapporten."],
            report.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.Equal("Han stod utanför igen i går kväll.", report.GetProperty("supplements")[0].GetProperty("text").GetString());
        Assert.Equal(c.Reference, data.GetProperty("cases")[0].GetProperty("reference").GetString());

        var evidence = report.GetProperty("evidence")[0];
        var path = evidence.GetProperty("file").GetString()!;
        Assert.StartsWith("files/", path);
        Assert.EndsWith("skärmbild hot.png", path);
        var bytes = await ReadBytesAsync(zip, path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(PrivacyArrange.EvidencePng)), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(evidence.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));

        var account = data.GetProperty("accounts")[0];
        Assert.Equal(person.Email, account.GetProperty("email").GetString());
        var secrets = await factory.WithDbAsync(null, db => db.Users.Where(u => u.Id == person.UserId).Select(u => new { u.PasswordHash, u.SecurityStamp }).SingleAsync());
        Assert.DoesNotContain(secrets.PasswordHash!, json);
        Assert.DoesNotContain(secrets.SecurityStamp!, json);
        Assert.DoesNotContain("passwordHash", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Olle", json);
        Assert.DoesNotContain(other.Email, json);
        Assert.DoesNotContain("samtal mitt i natten", json);
        // Internal notes and assessments are withheld for a separate review, and counted so the officer knows.
        Assert.DoesNotContain("Grannen Karin", json);
        Assert.Equal(1, data.GetProperty("cases")[0].GetProperty("withheldInternalMaterial").GetProperty("internalNotes").GetInt32());

        var readme = await ReadAsync(zip, "README.txt");
        Assert.Contains("Det som inte finns med, och varför", readme);
        Assert.Contains("What is not included, and why", readme);
        Assert.Equal(1, await factory.WithDbAsync(null, db => db.AuditEntries.CountAsync(a =>
            a.Action == AuditAction.SubjectAccessExport && a.Target == $"representative:{person.RepresentativeId}")));
    }

    [Fact]
    public async Task Choosing_no_representative_or_one_of_another_organisation_is_answered_on_the_field()
    {
        var regional = await factory.PersonAsync(ReportsArrange.Exempelregionen);
        var dpo = await factory.SignedInAsync(Demo.Dpo);

        var none = await (await dpo.SubmitFormAsync(Url, new Dictionary<string, string> { ["Input.RepresentativeId"] = "" })).ReadPageAsync();
        var foreign = await dpo.SubmitFormAsync(Url, new Dictionary<string, string> { ["Input.RepresentativeId"] = regional.RepresentativeId.ToString() });

        Assert.Contains("Förtroendevald", Assert.Single(none.FieldErrors("Input.RepresentativeId")));
        Assert.Equal("text/html", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Contains("finns inte i organisationen", Assert.Single((await foreign.ReadPageAsync()).FieldErrors("Input.RepresentativeId")));
    }

    [Theory]
    [InlineData(Demo.Officer)]
    [InlineData(Demo.Admin)]
    [InlineData(Demo.Representative)]
    [InlineData(Demo.Analyst)]
    public async Task Anyone_but_the_data_protection_officer_gets_404(string email)
    {
        var client = await factory.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dataskydd/radering")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dataskydd/radering/kvitto")).StatusCode);
    }

    [Fact]
    public async Task The_data_protection_officer_of_another_organisation_does_not_see_this_organisations_representatives()
    {
        var person = await factory.PersonAsync(firstName: "Greta");
        var regionId = await factory.OrganisationIdAsync(ReportsArrange.Exempelregionen);
        var email = $"dso-{Guid.NewGuid():N}@region.demo.varna.se";
        await factory.CreateAccountAsync(email, Roles.DataProtectionOfficer, regionId, Demo.Password);
        var dpo = await factory.SignedInAsync(email);

        var page = await dpo.GetPageAsync(Url);

        Assert.DoesNotContain(person.LastName, page.Body!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("option"), o => o.GetAttribute("value") == person.RepresentativeId.ToString());
    }

    private static async Task<string> ReadAsync(ZipArchive zip, string name) =>
        System.Text.Encoding.UTF8.GetString(await ReadBytesAsync(zip, name));

    private static async Task<byte[]> ReadBytesAsync(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"No {name} in the ZIP: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        await using var stream = entry.Open();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
