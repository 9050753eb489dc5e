using System.Text;
using Microsoft.Extensions.DependencyInjection;
using static Varna.Tests.Reports.MyReportsArrange;

namespace Varna.Tests.Reports;

// Evidence added later under /mina-rapporter: files (hashed, sniffed, downloaded as attachments),
// pasted text and links; refused files named; nothing half-stored on a bad post.
public sealed class MyReportsEvidenceTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Added_file_shows_the_sha256_of_its_bytes_and_downloads_as_an_attachment_with_its_sniffed_type()
    {
        var report = await factory.ReportAsync(Demo.Representative);
        var client = await factory.SignedInAsync(Demo.Representative);

        var response = await client.PostEvidenceAsync(report.Id, [("skarmbild.jpg", Png)]);

        var page = await client.FollowAsync(response);
        Assert.Contains("Bevisningen är sparad (1 st)", page.QuerySelector("[role=status]")!.TextContent);
        var item = page.QuerySelector(".evidence-list > li")!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png)), item.QuerySelector("code.hash")!.TextContent);
        Assert.Contains("image/png", item.TextContent);
        Assert.Contains("17 byte", item.TextContent);
        var download = await client.GetAsync(item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("skarmbild.jpg", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Refused_file_is_named_with_its_reason_while_a_good_file_in_the_same_post_is_kept()
    {
        var report = await factory.ReportAsync(Demo.Representative);
        var client = await factory.SignedInAsync(Demo.Representative);
        byte[] program = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];

        var response = await client.PostEvidenceAsync(report.Id, [("faktura.pdf.exe", program), ("bild.png", Png)]);

        var page = await client.FollowAsync(response);
        var refused = page.QuerySelector("#files-refused")!.TextContent;
        Assert.Contains("faktura.pdf.exe: den här filtypen kan inte tas emot.", refused);
        Assert.DoesNotContain("bild.png", refused);
        var files = page.QuerySelectorAll(".evidence-list > li").Select(li => li.QuerySelector("a")!.TextContent).ToList();
        Assert.Equal(["bild.png"], files);
    }

    [Fact]
    public async Task Only_refused_files_are_reported_next_to_the_file_field_and_nothing_is_stored()
    {
        var report = await factory.ReportAsync(Demo.Representative);
        var client = await factory.SignedInAsync(Demo.Representative);

        var response = await client.PostEvidenceAsync(report.Id, [("tom.txt", [])]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("tom.txt: filen är tom och sparades inte.", page.FieldErrors("Evidence.Files"));
        Assert.Null(page.QuerySelector(".evidence-list"));
    }

    [Fact]
    public async Task Evidence_form_posted_empty_asks_for_a_file_a_text_or_a_link()
    {
        var report = await factory.ReportAsync(Demo.Representative);
        var client = await factory.SignedInAsync(Demo.Representative);

        var response = await client.PostEvidenceAsync(report.Id, []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("Välj minst en fil, klistra in en text eller ange en länk.", page.FieldErrors("Evidence.Files"));
        Assert.Null(page.QuerySelector(".evidence-list"));
    }

    [Fact]
    public async Task Pasted_text_and_links_are_stored_and_links_open_without_referrer()
    {
        var report = await factory.ReportAsync(Demo.Representative);
        var client = await factory.SignedInAsync(Demo.Representative);

        var response = await client.PostEvidenceAsync(report.Id, [], "Du ska få se, <politiker>.",
            "https://example.com/inlagg/1\nhttps://example.com/inlagg/2");

        var page = await client.FollowAsync(response);
        Assert.Contains("Bevisningen är sparad (3 st)", page.QuerySelector("[role=status]")!.TextContent);
        var links = page.QuerySelectorAll(".evidence-list a[href^='https://example.com/']").ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, a => Assert.Equal("noopener noreferrer", a.GetAttribute("rel")));
        var pasted = page.QuerySelectorAll(".evidence-list a").Single(a => a.TextContent == "Inklistrad text");
        var download = await client.GetAsync(pasted.GetAttribute("href"));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Du ska få se, <politiker>.", Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Bad_link_is_named_next_to_the_links_field_with_everything_typed_kept_and_nothing_stored()
    {
        var report = await factory.ReportAsync(Demo.Representative);
        var client = await factory.SignedInAsync(Demo.Representative);

        var response = await client.PostEvidenceAsync(report.Id, [], "Inklistrat", "javascript:alert(1)");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("'javascript:alert(1)' är ingen webbadress. Ange adresser som börjar med https://.", page.FieldErrors("Evidence.Links"));
        Assert.Equal("Inklistrat", page.QuerySelector("textarea[name='Evidence.Text']")!.TextContent.Trim());
        Assert.Equal("javascript:alert(1)", page.QuerySelector("textarea[name='Evidence.Links']")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".evidence-list"));
    }

    [Fact]
    public void Report_page_accepts_uploads_as_large_as_a_report_may_hold_not_only_the_servers_30_MB_default()
    {
        var endpoints = factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>();
        var page = endpoints.Single(e => e.RoutePattern.RawText?.TrimStart('/') == "mina-rapporter/{id:guid}");
        var limits = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Varna.Features.Reports.ReportsOptions>>().Value;

        var limit = page.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>();

        Assert.Equal(limits.MaxRequestBytes, limit?.MaxRequestBodySize);
        Assert.True(limit!.MaxRequestBodySize > 30_000_000);
    }
}
