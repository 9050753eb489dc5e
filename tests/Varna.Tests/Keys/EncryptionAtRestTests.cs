using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Varna.Tests.Cases;
using Varna.Tests.Reports;

namespace Varna.Tests.Keys;

// A reader of the database file (SQLite, with its WAL) or of a pg_dump must find none of the
// sensitive text or evidence, while the app itself shows all of it.
public sealed class EncryptionAtRestTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Raw_database_bytes_hold_no_narrative_identifier_message_note_or_evidence_that_the_app_shows()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var narrative = $"Mannen vid busshållplatsen sa att han vet var mina barn går i skolan {marker}";
        var identifier = $"@hotfull_{marker}";
        var note = $"Intern anteckning: ring polisen om {marker}";
        var message = $"Vi har pratat med polisen om {marker}";
        var fileName = $"skarmdump_{marker}.png";
        byte[] evidence = [.. ReportsArrange.Png, .. Encoding.ASCII.GetBytes($"EVIDENCE-{marker}-BYTES"), .. Guid.NewGuid().ToByteArray()];

        var reporter = await factory.ApiClientAsync(Demo.Representative);
        var body = ReportsArrange.ValidReport(narrative);
        body["perpetrator"] = new JsonObject { ["category"] = "citizen", ["identifiers"] = new JsonArray(identifier) };
        var report = await reporter.SubmitReportAsync(body);
        var upload = await reporter.PostAsync($"/api/v1/reports/{report.Id()}/evidence", ReportsArrange.Files((fileName, evidence)));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);

        var caseId = await factory.WithDbAsync(null, db => db.Reports.IgnoreQueryFilters()
            .Where(r => r.Id == report.Id()).Select(r => r.CaseId).SingleAsync());
        var officer = await factory.ApiClientAsync(Demo.Officer);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = note })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/messages", new { reportId = report.Id(), body = message })).StatusCode);

        // The app reads it all back.
        var sheet = JsonSerializer.Serialize(await officer.CaseAsync(caseId));
        foreach (var text in new[] { narrative, identifier, note, message, fileName }) Assert.Contains(JsonEncodedText.Encode(text).ToString(), sheet);
        var evidenceId = await factory.WithDbAsync(null, db => db.Evidence.IgnoreQueryFilters().Where(e => e.ReportId == report.Id()).Select(e => e.Id).SingleAsync());
        Assert.Equal(evidence, await reporter.GetByteArrayAsync($"/api/v1/reports/{report.Id()}/evidence/{evidenceId}"));

        // The raw bytes do not.
        var raw = await RawBytesAsync(factory.Database);
        Assert.True(raw.Length > 10_000, "the dump should hold the database");
        Assert.Contains(Encoding.UTF8.GetBytes(Demo.Officer), raw); // the search itself works: plain columns are found
        foreach (var text in new[] { narrative, identifier, note, message, fileName, marker })
            Assert.False(Contains(raw, Encoding.UTF8.GetBytes(text)), $"'{text}' is readable in the raw database");
        // pg_dump writes bytea as hex, so the evidence is looked for both as bytes and as hex.
        var evidenceMarker = Encoding.ASCII.GetBytes($"EVIDENCE-{marker}-BYTES");
        Assert.False(Contains(raw, evidenceMarker), "the evidence bytes are readable in the raw database");
        Assert.False(Contains(raw, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(evidenceMarker))), "the evidence bytes are readable (hex) in the dump");
    }

    private static async Task<byte[]> RawBytesAsync(TestDatabase database)
    {
        if (database.SqliteFile is { } file)
        {
            var bytes = new List<byte>();
            foreach (var part in new[] { file, file + "-wal" })
            {
                if (!File.Exists(part)) continue;
                await using var stream = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                bytes.AddRange(copy.ToArray());
            }
            return [.. bytes];
        }
        return await PgDumpAsync(database.ConnectionString);
    }

    // What an attacker with a dump would have: pg_dump's plain output of the whole database.
    private static async Task<byte[]> PgDumpAsync(string connectionString)
    {
        var pgDump = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending()
            .Select(d => Path.Combine(d, "bin", "pg_dump")).First(File.Exists);
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgDump) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-h", c.Host!, "-p", c.Port.ToString(), "-U", c.Username!, "-d", c.Database!, "--data-only" })
            start.ArgumentList.Add(arg);
        if (c.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copy;
        Assert.True(process.ExitCode == 0, await errors);
        return output.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
