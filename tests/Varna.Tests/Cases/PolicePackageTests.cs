using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Varna.Features.Cases;
using Varna.Infrastructure;
using Varna.Tests.Reports;

namespace Varna.Tests.Cases;

// The police package: what the representative or the officer hands to the police. It must carry the
// facts, the identifiers and every evidence hash, and must never carry internal working material.
public sealed class PolicePackageTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string InternalNote = "intern anteckning";
    private const string ContactNote = "Hon lät rädd, bedömer risken som hög";
    private const string ConcernReason = "Personen är fixerad, oron höjd";
    private const string Reply = "Jag ringer dig i morgon bitti.";
    private const string Supplement = "Han stod också utanför mitt hus i kväll.";
    private static readonly byte[] Scan = "%PDF-1.7\n% hotbrevet inskannat\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();

    private sealed record Arranged(Guid CaseId, string Reference, string Description, IReadOnlyList<(string Sha256, long Size, DateTimeOffset ReceivedAt)> Evidence);

    private async Task<Arranged> CaseWithEvidenceAndInternalNotesAsync()
    {
        var representative = await factory.ApiClientAsync(Demo.Representative);
        var description = $"Han skrev att han vet var jag bor ({Guid.NewGuid():N}).";
        var body = ReportsArrange.ValidReport(description);
        body["location"] = "Facebook, kommunens sida";
        body["perpetrator"] = new JsonObject { ["category"] = "fixated_person", ["identifiers"] = new JsonArray("@hotfull_troll", "troll@example.com") };
        var created = await representative.SubmitReportAsync(body);
        await (await representative.PostAsync($"/api/v1/reports/{created.Id()}/evidence",
            ReportsArrange.Files(("skarmdump.png", ReportsArrange.Png), ("brev.pdf", Scan)))).JsonAsync(HttpStatusCode.Created);
        await (await representative.PostAsync($"/api/v1/reports/{created.Id()}/links", JsonContent(new JsonObject
        {
            ["links"] = new JsonArray("https://example.com/inlagg/123"),
            ["text"] = "Du borde passa dig.",
        }))).JsonAsync(HttpStatusCode.Created);

        await (await representative.PostAsync($"/api/v1/reports/{created.Id()}/supplements",
            JsonContent(new JsonObject { ["text"] = Supplement }))).JsonAsync(HttpStatusCode.Created);

        var (caseId, organisationId) = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters()
            .Where(r => r.Id == created.Id()).Select(r => new ValueTuple<Guid, Guid>(r.CaseId, r.OrganisationId)).SingleAsync());
        var evidence = await factory.WithDbAsync(organisationId, db => db.Evidence.Where(e => e.ReportId == created.Id())
            .OrderBy(e => e.ReceivedAt).Select(e => new ValueTuple<string, long, DateTimeOffset>(e.Sha256, e.Size, e.ReceivedAt)).ToListAsync());
        await factory.WithDbAsync(organisationId, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.CaseEvents.Add(CaseEvent.Record(organisationId, caseId, CaseEventKind.NoteAdded, null, now, text: InternalNote));
            db.CaseEvents.Add(CaseEvent.Record(organisationId, caseId, CaseEventKind.ConcernChanged, null, now, from: "moderate", to: "high", text: ConcernReason));
            db.CaseEvents.Add(CaseEvent.Record(organisationId, caseId, CaseEventKind.ContactLogged, null, now,
                from: new DateTimeOffset(2026, 11, 21, 8, 15, 0, TimeSpan.Zero).ToString("O"), to: "phone", text: ContactNote));
            return await db.SaveChangesAsync();
        });
        var officer = await factory.SignedInAsync(Demo.Officer);
        await officer.SubmitFormAsync($"/arenden/{caseId}", new Dictionary<string, string> { ["Reply.Body"] = Reply }, "main form[action*='handler=Reply']");

        return new Arranged(caseId, created.GetProperty("reference").GetString()!, description, evidence);
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static string ReceivedText(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Swedish.TimeZone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static string BodyText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Fact]
    public async Task Package_page_shows_the_facts_identifiers_and_every_evidence_hash_size_and_receive_time_but_no_internal_material()
    {
        var arranged = await CaseWithEvidenceAndInternalNotesAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var page = await officer.GetPageAsync($"/arenden/{arranged.CaseId}/polisanmalan");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Contains(arranged.Reference, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Demo kommun", text);
        Assert.Contains(arranged.Description, page.QuerySelector(".description")!.TextContent);
        Assert.Contains("Facebook, kommunens sida", text);
        Assert.Contains(Supplement, text);
        var perpetrators = page.QuerySelector("table.package-perpetrators")!.TextContent;
        Assert.Contains("@hotfull_troll", perpetrators);
        Assert.Contains("troll@example.com", perpetrators);
        Assert.Contains("Fixerad", perpetrators, StringComparison.OrdinalIgnoreCase);
        var rows = page.QuerySelectorAll("table.package-evidence tbody tr");
        Assert.Equal(4, rows.Length);
        var hashes = page.QuerySelectorAll("table.package-evidence td.hash").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(ReportsArrange.Png)), hashes);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Scan)), hashes);
        Assert.Equal(arranged.Evidence.Select(e => e.Sha256), hashes);
        foreach (var (row, evidence) in rows.Zip(arranged.Evidence))
        {
            Assert.Contains($"{evidence.Size} byte", row.TextContent);
            Assert.Contains(ReceivedText(evidence.ReceivedAt), row.TextContent);
        }
        var evidenceText = page.QuerySelector("table.package-evidence")!.TextContent;
        Assert.Contains("skarmdump.png", evidenceText);
        Assert.Contains("inklistrad text", evidenceText);
        Assert.Contains("https://example.com/inlagg/123", evidenceText);
        var timeline = page.QuerySelector("table.package-timeline")!.TextContent;
        Assert.Contains("Ärendet öppnades", timeline);
        Assert.Contains("Första kontakt med den förtroendevalde (telefon", timeline);
        Assert.Contains("Interna anteckningar, bedömningar och meddelanden ingår inte", text);
        Assert.DoesNotContain(InternalNote, text);
        Assert.DoesNotContain(ContactNote, text);
        Assert.DoesNotContain(ConcernReason, text);
        Assert.DoesNotContain(Reply, text);
        Assert.All(page.QuerySelectorAll("table"), table => Assert.NotNull(table.QuerySelector("caption")));
        Assert.All(page.QuerySelectorAll("th"), th => Assert.Equal("col", th.GetAttribute("scope")));
    }

    [Fact]
    public async Task Word_file_from_the_page_holds_the_same_hashes_and_identifiers_and_no_internal_material()
    {
        var arranged = await CaseWithEvidenceAndInternalNotesAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        var page = await officer.GetPageAsync($"/arenden/{arranged.CaseId}/polisanmalan");
        var back = page.QuerySelectorAll("a").Single(a => a.TextContent == "Tillbaka till ärendet");

        var link = page.QuerySelectorAll("a").Single(a => a.TextContent == "Ladda ner som Word (DOCX)");
        var response = await officer.GetAsync(link.GetAttribute("href"));

        Assert.Equal($"/arenden/{arranged.CaseId}", back.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Docx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"polisanmalan-{arranged.Reference}.docx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl is { NoStore: true });
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var body = BodyText(bytes);
        Assert.Contains($"Underlag för polisanmälan – {arranged.Reference}", body);
        Assert.Contains(arranged.Description, body);
        Assert.Contains(Supplement, body);
        Assert.Contains("@hotfull_troll", body);
        Assert.Contains("troll@example.com", body);
        Assert.All(arranged.Evidence, e => Assert.Contains(e.Sha256, body));
        Assert.All(arranged.Evidence, e => Assert.Contains(ReceivedText(e.ReceivedAt), body));
        Assert.DoesNotContain(InternalNote, body);
        Assert.DoesNotContain(ContactNote, body);
        Assert.DoesNotContain(ConcernReason, body);
        Assert.DoesNotContain(Reply, body);
    }

    [Fact]
    public async Task Word_file_is_valid_with_heading_styles_it_defines_tables_and_a_monospace_font_for_hashes()
    {
        var arranged = await CaseWithEvidenceAndInternalNotesAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);

        var bytes = await officer.GetByteArrayAsync($"/arenden/{arranged.CaseId}/polisanmalan.docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = document.MainDocumentPart!;
        var defined = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ToList();
        var used = main.Document!.Body!.Descendants<ParagraphStyleId>().Select(s => s.Val?.Value).Distinct().ToList();
        Assert.Contains("Heading1", used);
        Assert.Contains("Heading2", used);
        Assert.All(used, style => Assert.Contains(style, defined));
        var hashRuns = main.Document.Body.Descendants<Run>().Where(r => arranged.Evidence.Any(e => e.Sha256 == r.InnerText)).ToList();
        Assert.Equal(arranged.Evidence.Count, hashRuns.Count);
        Assert.All(hashRuns, r => Assert.Equal("Consolas", r.RunProperties?.RunFonts?.Ascii?.Value));
        Assert.Contains(main.Document.Body.Descendants<Table>(), t => t.InnerText.Contains(arranged.Evidence[0].Sha256));
        var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019)
            .Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, string.Join(Environment.NewLine, invalid));
    }

    [Fact]
    public async Task Api_returns_the_package_as_a_word_file_in_the_requested_language()
    {
        var arranged = await CaseWithEvidenceAndInternalNotesAsync();
        var api = await factory.ApiClientAsync(Demo.Officer);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{arranged.CaseId}/police-package");
        request.Headers.AcceptLanguage.ParseAdd("en");

        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Docx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"polisanmalan-{arranged.Reference}.docx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl is { NoStore: true });
        var body = BodyText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Police report package – {arranged.Reference}", body);
        Assert.Contains("List of evidence", body);
        Assert.All(arranged.Evidence, e => Assert.Contains(e.Sha256, body));
        Assert.Contains("@hotfull_troll", body);
        Assert.DoesNotContain(InternalNote, body);
    }

    [Theory]
    [InlineData(Demo.Representative)]
    [InlineData(Demo.Analyst)]
    [InlineData(Demo.RegionOfficer)]
    public async Task Anyone_but_an_officer_of_the_case_organisation_gets_404_for_the_page_the_word_file_and_the_api(string email)
    {
        var arranged = await CaseWithEvidenceAndInternalNotesAsync();
        var browser = await factory.SignedInAsync(email);
        var api = await factory.ApiClientAsync(email);

        var page = await browser.GetAsync($"/arenden/{arranged.CaseId}/polisanmalan");
        var docx = await browser.GetAsync($"/arenden/{arranged.CaseId}/polisanmalan.docx");
        var viaApi = await api.GetAsync($"/api/v1/cases/{arranged.CaseId}/police-package");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, docx.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaApi.StatusCode);
        Assert.DoesNotContain(arranged.Description, await page.Content.ReadAsStringAsync());
        Assert.NotEqual(Docx, docx.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(Docx, viaApi.Content.Headers.ContentType?.MediaType);
    }
}
