using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Varna.Tests.Reliability;

// One client's work until it is told to stop or the app dies under it: submit a report, then
// upload its evidence, again and again. Only a complete answer counts as an acknowledgement; a
// request the kill cut off is left for the checks after the restart to find (or not).
public sealed class CrashLoad(CrashLedger ledger, int seed)
{
    private static readonly string[] Channels = ["social_media_public", "social_media_private", "email", "phone_sms", "letter_parcel"];
    private static readonly string[] Types = ["hate_speech", "threat"];
    private static readonly string[] Wishes = ["request_contact", "record_only"];
    private static readonly HtmlParser Parser = new();
    private int sequence;

    public Task RunAsync(AppProcess app, CrashUser user, Random random, CancellationToken stop) =>
        user.UsesForm ? RunFormAsync(app, user, random, stop) : RunApiAsync(app, user, random, stop);

    private async Task RunApiAsync(AppProcess app, CrashUser user, Random random, CancellationToken stop)
    {
        using var client = user.ApiClient(app);
        // The stop token is only looked at between requests: cancelling one would look like a kill.
        while (!stop.IsCancellationRequested)
        {
            var sent = NewReport(user, random);
            ledger.Attempt(sent);
            Guid reportId;
            try
            {
                using var response = await client.PostAsync("api/v1/reports", JsonBody(sent));
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Created) { Unexpected("POST /api/v1/reports", response, text); continue; }
                var created = JsonDocument.Parse(text).RootElement;
                reportId = created.GetProperty("id").GetGuid();
                if (created.GetProperty("status").GetString() != "new" || string.IsNullOrEmpty(created.GetProperty("reference").GetString()))
                    ledger.ServerError($"POST /api/v1/reports answered 201 without a new case: {text}");
                ledger.Acknowledge(reportId, sent);
            }
            catch (Exception e) when (IsCutOff(e)) { ledger.CutOff(); return; }

            var files = NewFiles(random, random.Next(1, 4));
            foreach (var (_, bytes) in files) ledger.Sending(new SentFile(reportId, Sha(bytes), bytes.Length));
            try
            {
                using var content = new MultipartFormDataContent();
                foreach (var (name, bytes) in files)
                {
                    var part = new ByteArrayContent(bytes);
                    part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    content.Add(part, "files", name);
                }
                using var response = await client.PostAsync($"api/v1/reports/{reportId}/evidence", content);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Created) { Unexpected("POST evidence", response, text); continue; }
                var accepted = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
                if (accepted.Count != files.Count) { ledger.ServerError($"POST evidence accepted {accepted.Count} of {files.Count} files: {text}"); continue; }
                for (var i = 0; i < files.Count; i++)
                {
                    var (sha, size) = (Sha(files[i].Bytes), (long)files[i].Bytes.Length);
                    if (accepted[i].GetProperty("sha256").GetString() != sha || accepted[i].GetProperty("size").GetInt64() != size)
                        ledger.ServerError($"POST evidence answered another hash or size for {files[i].Name}: {accepted[i]}");
                    ledger.Acknowledge(new SentFile(reportId, sha, size, accepted[i].GetProperty("id").GetGuid()));
                }
            }
            catch (Exception e) when (IsCutOff(e)) { ledger.CutOff(); return; }
        }
    }

    // The representative's own form at /rapportera, as a browser without JavaScript posts it:
    // every field the page shows, its antiforgery token and the files. The redirect to the receipt
    // is the acknowledgement of the report and of the files that came with it.
    private async Task RunFormAsync(AppProcess app, CrashUser user, Random random, CancellationToken stop)
    {
        using var client = user.BrowserClient(app);
        while (!stop.IsCancellationRequested)
        {
            var files = NewFiles(random, random.Next(1, 3));
            // The form sends the files with the report: if the kill takes the answer, the files
            // may still be stored, and are known by the report's marker.
            var sent = NewReport(user, random) with { Files = files.Select(f => (Sha(f.Bytes), (long)f.Bytes.Length)).ToList() };
            try
            {
                using var page = await client.GetAsync("rapportera");
                var html = await page.Content.ReadAsStringAsync();
                if (page.StatusCode != HttpStatusCode.OK) { Unexpected("GET /rapportera", page, html); continue; }
                var form = (IHtmlFormElement?)Parser.ParseDocument(html).QuerySelector("main form[enctype='multipart/form-data']");
                if (form is null) { ledger.ServerError("GET /rapportera: no report form on the page"); continue; }

                ledger.Attempt(sent);
                using var content = FormContent(form, sent, files);
                using var response = await client.PostAsync("rapportera", content);
                var answer = await response.Content.ReadAsStringAsync();
                var location = response.Headers.Location?.ToString() ?? "";
                if (response.StatusCode != HttpStatusCode.Redirect || !location.StartsWith("/rapportera/kvitto/", StringComparison.Ordinal))
                {
                    Unexpected("POST /rapportera", response, answer);
                    continue;
                }
                var reportId = Guid.Parse(location["/rapportera/kvitto/".Length..]);
                ledger.Acknowledge(reportId, sent);
                foreach (var (_, bytes) in files) ledger.Acknowledge(new SentFile(reportId, Sha(bytes), bytes.Length));
            }
            catch (Exception e) when (IsCutOff(e)) { ledger.CutOff(); return; }
        }
    }

    private static MultipartFormDataContent FormContent(IHtmlFormElement form, SentReport sent, List<(string Name, byte[] Bytes)> files)
    {
        var given = new List<KeyValuePair<string, string>>
        {
            new("Input.DangerNow", "false"),
            new("Input.OccurredDate", sent.OccurredOn),
            new("Input.Description", sent.Description),
            new("Input.Channel", sent.Channel),
            new("Input.Wish", sent.Wish),
            new("Input.Location", sent.Location ?? ""),
        };
        given.AddRange(sent.Types.Select(t => new KeyValuePair<string, string>("Input.Types", t)));
        var names = given.Select(f => f.Key).ToHashSet();
        var content = new MultipartFormDataContent();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !names.Contains(input.Name):
                    if (input.Type is "checkbox" or "radio") { if (input.IsChecked) content.Add(new StringContent(input.Value), input.Name); }
                    else if (input.Type is not "submit" and not "file") content.Add(new StringContent(input.Value), input.Name);
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !names.Contains(select.Name):
                    content.Add(new StringContent(select.Value ?? ""), select.Name);
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !names.Contains(area.Name):
                    content.Add(new StringContent(area.Value), area.Name);
                    break;
            }
        }
        foreach (var (name, value) in given) content.Add(new StringContent(value), name);
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "Input.Files", name);
        }
        return content;
    }

    private SentReport NewReport(CrashUser user, Random random)
    {
        var marker = $"krasch-{seed}-{user.Index}-{Interlocked.Increment(ref sequence)}";
        var words = string.Join(' ', Enumerable.Range(0, random.Next(5, 40)).Select(_ => Words[random.Next(Words.Length)]));
        var types = Types.Where(_ => random.Next(2) == 0).DefaultIfEmpty("threat").ToArray();
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-random.Next(1, 20))).ToString("yyyy-MM-dd");
        return new SentReport(marker, user.Index, $"[{marker}] {words}", Channels[random.Next(Channels.Length)], types,
            Wishes[random.Next(Wishes.Length)], random.Next(3) == 0 ? null : $"Torget {random.Next(1, 99)}, Demo kommun", day);
    }

    private static readonly string[] Words =
        ["någon", "skrev", "att", "de", "vet", "var", "jag", "bor", "hot", "mötet", "fullmäktige", "brev", "bilen", "dörren", "åter", "ögonen", "ärendet"];

    private static StringContent JsonBody(SentReport sent)
    {
        var body = new JsonObject
        {
            ["occurredAt"] = sent.OccurredOn,
            ["dangerNow"] = false,
            ["channel"] = sent.Channel,
            ["types"] = new JsonArray(sent.Types.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["description"] = sent.Description,
            ["wish"] = sent.Wish,
            ["location"] = sent.Location,
        };
        return new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
    }

    // 1–200 KB of random bytes behind the first bytes of a kind of file the app accepts.
    private static List<(string Name, byte[] Bytes)> NewFiles(Random random, int count)
    {
        byte[][] headers = [[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "%PDF-1.7\n"u8.ToArray(), [0xFF, 0xD8, 0xFF, 0xE0], "GIF89a"u8.ToArray()];
        string[] extensions = ["png", "pdf", "jpg", "gif"];
        var files = new List<(string, byte[])>();
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(headers.Length);
            var bytes = new byte[random.Next(1024, 200 * 1024 + 1)];
            random.NextBytes(bytes);
            headers[kind].CopyTo(bytes, 0);
            files.Add(($"bevis-{i}.{extensions[kind]}", bytes));
        }
        return files;
    }

    public static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private void Unexpected(string what, HttpResponseMessage response, string body) =>
        ledger.ServerError($"{what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");

    // What a client sees when the process it talks to is killed: a reset or refused connection,
    // or a body that never ends.
    private static bool IsCutOff(Exception e) => e is HttpRequestException or TaskCanceledException or IOException;
}
