using System.Text;
using Varna.Features.Reports;
using Varna.Tests.Reports;

namespace Varna.Tests.Web;

public sealed class DownloadHeaderTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private static readonly byte[] Html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script>Vi vet var du bor.</body></html>"u8.ToArray();
    private static readonly byte[] Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><text>hot</text></svg>"u8.ToArray();

    private sealed record Uploaded(Guid CaseId, Guid ReportId, Dictionary<string, Guid> Evidence);

    private async Task<Uploaded> UploadAsync(params (string Name, byte[] Bytes)[] files)
    {
        var reporter = await factory.ApiClientAsync(Demo.Representative);
        var report = await reporter.SubmitReportAsync();
        var accepted = await (await reporter.PostAsync($"/api/v1/reports/{report.Id()}/evidence", ReportsArrange.Files(files))).JsonAsync(HttpStatusCode.Created);
        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters().Where(r => r.Id == report.Id()).Select(r => r.CaseId).SingleAsync());
        return new Uploaded(caseId, report.Id(), accepted.EnumerateArray().ToDictionary(e => e.GetProperty("fileName").GetString()!, e => e.GetProperty("id").GetGuid()));
    }

    private static void AssertSafeAttachment(HttpResponseMessage response, string fileName, string contentType)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileNameStar ?? disposition.FileName!.Trim('"'));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Uploaded_html_and_svg_come_back_as_text_attachments_on_every_download_path()
    {
        var up = await UploadAsync(("hot.html", Html), ("bild.svg", Svg));
        var api = await factory.ApiClientAsync(Demo.Representative);
        var reporter = await factory.SignedInAsync(Demo.Representative);
        var officer = await factory.SignedInAsync(Demo.Officer);

        foreach (var (name, id) in up.Evidence)
        {
            var downloads = new[]
            {
                await api.GetAsync($"/api/v1/reports/{up.ReportId}/evidence/{id}"),
                await reporter.GetAsync($"/mina-rapporter/{up.ReportId}/bevis/{id}"),
                await officer.GetAsync($"/arenden/{up.CaseId}?handler=Evidence&reportId={up.ReportId}&evidenceId={id}"),
            };
            foreach (var download in downloads)
            {
                AssertSafeAttachment(download, name + ".txt", "text/plain");
                Assert.DoesNotContain(download.Content.Headers.ContentType!.MediaType, new[] { "text/html", "image/svg+xml" });
                // The bytes are the reporter's, unchanged.
                Assert.Equal(name == "hot.html" ? Html : Svg, await download.Content.ReadAsByteArrayAsync());
            }
        }
    }

    [Fact]
    public async Task A_swedish_file_name_survives_the_download_as_RFC_5987_with_its_sniffed_type()
    {
        var up = await UploadAsync(("hotbrev från grannen, åäö.png", ReportsArrange.Png));
        var officer = await factory.ApiClientAsync(Demo.Officer);

        var response = await officer.GetAsync($"/api/v1/reports/{up.ReportId}/evidence/{up.Evidence.Values.Single()}");

        AssertSafeAttachment(response, "hotbrev från grannen, åäö.png", "image/png");
        var header = response.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.Contains("filename*=UTF-8''hotbrev%20fr%C3%A5n%20grannen%2C%20%C3%A5%C3%A4%C3%B6.png", header);
        // The plain filename= fallback is ASCII only.
        Assert.True(Encoding.ASCII.GetString(Encoding.ASCII.GetBytes(header)) == header);
    }

    [Fact]
    public async Task Police_package_is_a_docx_attachment_that_is_never_cached()
    {
        var up = await UploadAsync(("skärmbild.png", ReportsArrange.Png));
        var officer = await factory.SignedInAsync(Demo.Officer);
        var api = await factory.ApiClientAsync(Demo.Officer);

        foreach (var response in new[] { await officer.GetAsync($"/arenden/{up.CaseId}/polisanmalan.docx"), await api.GetAsync($"/api/v1/cases/{up.CaseId}/police-package") })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.EndsWith(".docx", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
            Assert.True(response.Headers.CacheControl?.NoStore);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Theory]
    [InlineData(@"..\..\Windows\system32\drivers\etc\hosts", "text/plain", "hosts.txt")]
    [InlineData("../../etc/passwd", "application/pdf", "passwd")]
    [InlineData("\"a\r\nb\".pdf", "application/pdf", "_a__b_.pdf")]
    [InlineData("...", "image/png", "bevis")]
    [InlineData("protokoll.txt", "text/plain", "protokoll.txt")]
    [InlineData("brev.eml", "message/rfc822", "brev.eml")]
    public void Saved_file_names_cannot_leave_the_download_folder_or_become_pages(string stored, string contentType, string expected) =>
        Assert.Equal(expected, EvidenceFiles.SafeName(stored, contentType));
}
