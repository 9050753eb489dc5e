using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Varna.Tests.Reports;

// Evidence is hashed on arrival, typed by its bytes, limited in size, and never lost because a
// neighbouring file was refused.
public sealed class EvidenceApiTests(EvidenceApiTests.SmallLimitsFactory factory) : IClassFixture<EvidenceApiTests.SmallLimitsFactory>
{
    // Small limits, so that "too large" needs kilobytes rather than 25 MB per test.
    public sealed class SmallLimitsFactory : VarnaFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Reports:MaxFileBytes", "4096");
            builder.UseSetting("Reports:MaxReportBytes", "10240");
        }
    }

    [Fact]
    public async Task Uploaded_files_get_sha256_size_receive_time_and_a_type_from_their_bytes()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var report = await client.SubmitReportAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var response = await client.PostAsync($"/api/v1/reports/{report.Id()}/evidence",
            ReportsArrange.Files(("skarmbild", ReportsArrange.Png), ("brev.jpg", ReportsArrange.Pdf)));
        var files = await response.JsonAsync(HttpStatusCode.Created);

        Assert.Equal(2, files.GetArrayLength());
        var png = files[0];
        Assert.Equal("skarmbild", png.GetProperty("fileName").GetString());
        Assert.Equal("image/png", png.GetProperty("contentType").GetString());
        Assert.Equal(ReportsArrange.Png.Length, png.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ReportsArrange.Png)), png.GetProperty("sha256").GetString());
        Assert.InRange(png.GetProperty("receivedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(1));
        // Named .jpg and sent as image/jpeg, but the bytes are a PDF.
        Assert.Equal("application/pdf", files[1].GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Downloaded_evidence_is_byte_for_byte_what_was_uploaded()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var report = await client.SubmitReportAsync();
        var uploaded = await (await client.PostAsync($"/api/v1/reports/{report.Id()}/evidence",
            ReportsArrange.Files(("hot.pdf", ReportsArrange.Pdf)))).JsonAsync(HttpStatusCode.Created);

        var download = await client.GetAsync($"/api/v1/reports/{report.Id()}/evidence/{uploaded[0].Id()}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(ReportsArrange.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_saved_email_and_plain_text_are_accepted_with_their_own_types()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var report = await client.SubmitReportAsync();
        var eml = "From: Arg Person <arg@example.se>\r\nTo: politiker@demo.se\r\nSubject: Du ska akta dig\r\nDate: Fri, 20 Nov 2026 21:00:00 +0100\r\n\r\nVi vet var du bor.\r\n"u8.ToArray();
        var text = "Kommentar på Facebook kl 21.14: \"du borde skämmas\""u8.ToArray();

        var files = await (await client.PostAsync($"/api/v1/reports/{report.Id()}/evidence",
            ReportsArrange.Files(("hot.eml", eml), ("anteckning.txt", text)))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("message/rfc822", files[0].GetProperty("contentType").GetString());
        Assert.Equal("text/plain", files[1].GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task A_program_disguised_as_an_image_is_refused_with_415_and_the_other_file_is_kept()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var report = await client.SubmitReportAsync();

        var response = await client.PostAsync($"/api/v1/reports/{report.Id()}/evidence",
            ReportsArrange.Files(("foto.jpg", ReportsArrange.Program), ("skarmbild.png", ReportsArrange.Png)));
        var problem = await response.JsonAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var refused = Assert.Single(problem.GetProperty("refused").EnumerateArray());
        Assert.Equal("foto.jpg", refused.GetProperty("fileName").GetString());
        Assert.Equal("type_not_allowed", refused.GetProperty("reason").GetString());
        Assert.Contains("foto.jpg", problem.GetProperty("detail").GetString());
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{report.Id()}");
        var evidence = Assert.Single(stored.GetProperty("evidence").EnumerateArray());
        Assert.Equal("skarmbild.png", evidence.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_413_naming_it_and_the_report_keeps_the_rest()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var report = await client.SubmitReportAsync();
        var large = ReportsArrange.Pdf.Concat(new byte[5000]).ToArray();

        var response = await client.PostAsync($"/api/v1/reports/{report.Id()}/evidence",
            ReportsArrange.Files(("stor.pdf", large), ("liten.png", ReportsArrange.Png)));
        var problem = await response.JsonAsync(HttpStatusCode.RequestEntityTooLarge);

        var refused = Assert.Single(problem.GetProperty("refused").EnumerateArray());
        Assert.Equal("stor.pdf", refused.GetProperty("fileName").GetString());
        Assert.Equal("too_large", refused.GetProperty("reason").GetString());
        Assert.Single(problem.GetProperty("accepted").EnumerateArray());
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{report.Id()}");
        Assert.Equal("liten.png", Assert.Single(stored.GetProperty("evidence").EnumerateArray()).GetProperty("fileName").GetString());
        Assert.Equal(report.GetProperty("reference").GetString(), stored.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task The_report_total_limit_counts_everything_already_stored()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var report = await client.SubmitReportAsync();
        var file = ReportsArrange.Pdf.Concat(new byte[3500]).ToArray();

        for (var i = 0; i < 2; i++)
            await (await client.PostAsync($"/api/v1/reports/{report.Id()}/evidence", ReportsArrange.Files(($"del{i}.pdf", file)))).JsonAsync(HttpStatusCode.Created);
        var third = await client.PostAsync($"/api/v1/reports/{report.Id()}/evidence", ReportsArrange.Files(("del2.pdf", file)));
        var problem = await third.JsonAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("report_full", problem.GetProperty("refused")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Upload_without_files_or_not_as_multipart_is_a_clear_client_error()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var report = await client.SubmitReportAsync();

        var empty = await client.PostAsync($"/api/v1/reports/{report.Id()}/evidence", new MultipartFormDataContent { { new StringContent("x"), "note" } });
        var json = await client.PostAsJsonAsync($"/api/v1/reports/{report.Id()}/evidence", new { file = "aGVq" });

        Assert.NotEmpty((await empty.JsonAsync(HttpStatusCode.BadRequest)).ProblemErrors("files"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task Links_and_pasted_text_are_kept_as_evidence_and_non_web_links_are_refused()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var report = await client.SubmitReportAsync();

        var bad = await client.PostAsJsonAsync($"/api/v1/reports/{report.Id()}/links",
            new { links = new[] { "https://example.se/inlagg/1", "javascript:alert(1)" } });
        var good = await client.PostAsJsonAsync($"/api/v1/reports/{report.Id()}/links",
            new { links = new[] { "https://example.se/inlagg/1" }, text = "Du ska få se" });

        Assert.Contains("javascript:alert(1)", Assert.Single((await bad.JsonAsync(HttpStatusCode.BadRequest)).ProblemErrors("links")));
        var added = await good.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["text", "link"], added.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("Du ska få se"u8)), added[0].GetProperty("sha256").GetString());
        Assert.Equal("https://example.se/inlagg/1", added[1].GetProperty("url").GetString());
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{report.Id()}");
        Assert.Equal(2, stored.GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public async Task Evidence_bytes_are_stored_in_the_database()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var report = await client.SubmitReportAsync();
        await (await client.PostAsync($"/api/v1/reports/{report.Id()}/evidence", ReportsArrange.Files(("a.png", ReportsArrange.Png)))).JsonAsync(HttpStatusCode.Created);

        var bytes = await factory.WithDbAsync(null, db => db.EvidenceContents.IgnoreQueryFilters()
            .Where(c => db.Evidence.IgnoreQueryFilters().Any(e => e.Id == c.EvidenceId && e.ReportId == report.Id()))
            .Select(c => c.Bytes).SingleAsync());

        Assert.Equal(ReportsArrange.Png, bytes);
    }
}
