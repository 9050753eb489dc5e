using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Varna.Tests.Reliability;

// One malformed API request. Kind says what makes it certainly invalid; Fields are the body or
// query fields it changed (a 400 must name one of them).
public sealed record FuzzCall(string Target, string Caller, HttpMethod Method, string Url, byte[]? Body, string? ContentType,
    string Kind, IReadOnlyList<string> Fields, bool BadToken = false);

public static class FuzzApiRequests
{
    private static readonly string[] OtherMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static FuzzCall Build(Random r, ApiEndpoint e, ApiShape shape, FuzzWorld w, IReadOnlySet<string> methodsOnPattern)
    {
        var kinds = new List<(string Kind, int Weight)> { ("method", 1), ("token", 1) };
        if (e.RouteParameters.Count > 0) kinds.Add(("route", 3));
        var evidence = e.Pattern.EndsWith("/evidence", StringComparison.Ordinal) && e.Method == "POST";
        if (evidence) kinds.AddRange([("no-files", 2), ("refused-files", 3), ("truncated", 3), ("no-boundary", 1), ("json-body", 1)]);
        else if (e.HasBody)
        {
            kinds.AddRange([("raw", 3), ("content-type", 2)]);
            if (shape.Valid is not null) kinds.AddRange([("wrong-type", 3), ("huge", 1)]);
        }
        if (shape.Poisons.Count > 0) kinds.Add(("poison", 8));
        var kind = Weighted(r, kinds);

        var method = e.Method;
        if (kind == "method")
        {
            var others = OtherMethods.Where(m => !methodsOnPattern.Contains(m)).ToList();
            method = others.Count > 0 ? r.PickOne(others) : method;
            if (others.Count == 0) kind = "token";
        }
        var url = Url(r, e, w, kind == "route");
        var fields = new List<string>();

        if (evidence) return Evidence(r, e, shape, method, url, kind);

        var body = shape.Valid?.Invoke(w) ?? new JsonObject();
        // Only fields the request type has: a wrong type in an unknown field is rightly ignored.
        var known = Paths(body).ToList();
        AddExtras(r, body, fields);
        byte[]? bytes = null;
        string? contentType = e.HasBody || method is "POST" or "PUT" or "PATCH" ? "application/json" : null;
        switch (kind)
        {
            case "poison":
                var poison = r.PickOne(shape.Poisons);
                foreach (var (field, value) in poison.With) Set(body, field, value?.DeepClone());
                if (poison.Remove) Remove(body, poison.Field); else Set(body, poison.Field, poison.Value(r, w));
                fields.Add(poison.Field);
                break;
            case "wrong-type":
            {
                var field = r.PickOne(known);
                Set(body, field, FuzzValues.WrongType(r, Get(body, field)));
                fields.Add(field);
                break;
            }
            case "huge":
            {
                var strings = known.Where(p => Get(body, p)?.GetValueKind() == System.Text.Json.JsonValueKind.String).ToList();
                var field = strings.Count > 0 ? r.PickOne(strings) : "description";
                Set(body, field, FuzzValues.Huge(r));
                fields.Add(field);
                break;
            }
            case "raw":
                bytes = RawBody(r, body, known);
                break;
            case "content-type":
                (bytes, contentType) = r.Next(6) switch
                {
                    0 => (Encoding.UTF8.GetBytes(body.ToJsonString()), "text/plain"),
                    1 => ("<report><description>hej</description></report>"u8.ToArray(), "application/xml"),
                    2 => ("description=hej&channel=email"u8.ToArray(), "application/x-www-form-urlencoded"),
                    3 => (Encoding.UTF8.GetBytes(body.ToJsonString()), null),
                    4 => (Encoding.UTF8.GetBytes(body.ToJsonString()), "image/png"),
                    _ => (MultipartBytes("gränsen", [("text", Encoding.UTF8.GetBytes(body.ToJsonString()), null)], complete: true), "multipart/form-data; boundary=gränsen"),
                };
                break;
        }
        if (e.Method == "GET" && e.QueryParameters.Count > 0 && method == "GET")
        {
            url += "?" + string.Join("&", body.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value?.ToString() ?? "")}"));
            return new FuzzCall(e.Name, shape.Caller, HttpMethod.Get, url, null, null, kind, fields, kind == "token");
        }
        if (bytes is null && (e.HasBody || contentType is not null)) bytes = Serialize(r, body);
        return new FuzzCall(e.Name, shape.Caller, new HttpMethod(method), url, bytes, contentType, kind, fields, kind == "token");
    }

    private static string Weighted(Random r, List<(string Kind, int Weight)> kinds)
    {
        var roll = r.Next(kinds.Sum(k => k.Weight));
        foreach (var (kind, weight) in kinds) { if (roll < weight) return kind; roll -= weight; }
        return kinds[^1].Kind;
    }

    private static string Url(Random r, ApiEndpoint e, FuzzWorld w, bool badRoute)
    {
        var url = e.Pattern;
        var broken = badRoute ? r.PickOne(e.RouteParameters) : null;
        foreach (var parameter in e.RouteParameters)
        {
            var value = parameter == broken
                ? r.Next(3) == 0 ? (parameter == "version" ? "99999" : Guid.NewGuid().ToString()) : r.Pick(FuzzValues.BadRouteIds)
                : FuzzApiTargets.RouteValue(e.Pattern, parameter, w) ?? Guid.NewGuid().ToString();
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + parameter + "(:[^}]*)?\\}", value.Replace("$", "$$"));
        }
        return url.EndsWith('/') && url.Length > 1 ? url : url;
    }

    // Changes that may be harmless on their own: unknown fields, odd text in a free field, a
    // repeated key. They ride along with the change that makes the request invalid.
    private static void AddExtras(Random r, JsonObject body, List<string> fields)
    {
        for (var n = r.Next(4); n > 0; n--)
        {
            var strings = Paths(body).Where(p => Get(body, p)?.GetValueKind() == System.Text.Json.JsonValueKind.String).ToList();
            switch (r.Next(3))
            {
                case 0:
                    body[r.Pick(["extra", "isAdmin", "organisationId", "__proto__", "id", "$type"])] = r.Next(2) == 0
                        ? JsonValue.Create(FuzzValues.OddString(r)) : new JsonObject { ["nested"] = new JsonArray(1, 2) };
                    break;
                case 1 when strings.Count > 0:
                    var field = r.PickOne(strings);
                    Set(body, field, FuzzValues.OddString(r));
                    fields.Add(field);
                    break;
                default:
                    if (strings.Count > 0) { var f = r.PickOne(strings); Set(body, f, ""); fields.Add(f); }
                    break;
            }
        }
    }

    private static byte[] Serialize(Random r, JsonObject body)
    {
        var json = body.ToJsonString();
        // A repeated key, first with an odd value: the parser keeps the last one.
        if (r.Next(8) == 0 && body.Count > 0)
        {
            var key = body.First().Key;
            json = "{" + System.Text.Json.JsonSerializer.Serialize(key) + ":" + System.Text.Json.JsonSerializer.Serialize(FuzzValues.OddString(r)) + "," + json[1..];
        }
        return Encoding.UTF8.GetBytes(json);
    }

    // Bodies no JSON reader accepts for a request object.
    private static byte[] RawBody(Random r, JsonObject body, IReadOnlyList<string> known)
    {
        var json = body.ToJsonString();
        switch (r.Next(12))
        {
            case 0: return Encoding.UTF8.GetBytes(json[..r.Next(0, Math.Max(1, json.Length - 1))]);
            case 1:
            {
                // Inside a field the request has: an unknown field's value is skipped unread.
                var strings = known.Where(p => Get(body, p)?.GetValueKind() == System.Text.Json.JsonValueKind.String).ToList();
                Set(body, strings.Count > 0 ? r.PickOne(strings) : "description", "@@utf8@@");
                var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
                var marker = "@@utf8@@"u8.ToArray();
                var at = bytes.AsSpan().IndexOf(marker);
                return [.. bytes[..at], .. r.PickOne(FuzzValues.InvalidUtf8), .. bytes[(at + marker.Length)..]];
            }
            case 2:
            {
                var depth = r.Next(70, 5000);
                return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));
            }
            case 3:
            {
                var depth = r.Next(70, 5000);
                var key = body.Count > 0 ? body.First().Key : "a";
                return Encoding.UTF8.GetBytes("{\"" + key + "\":" + new string('[', depth) + new string(']', depth) + "}");
            }
            case 4: return Encoding.UTF8.GetBytes("[" + json + "]");
            case 5: return Encoding.UTF8.GetBytes(r.Pick(["\"text\"", "42", "true", "null", "[]", "1e309", "NaN"]));
            case 6: return r.Next(2) == 0 ? [] : " \r\n\t "u8.ToArray();
            case 7: return Encoding.UTF8.GetBytes(json.Insert(1, "/* kommentar */"));
            case 8: return Encoding.UTF8.GetBytes(json.TrimEnd('}') + ",}");
            case 9:
            {
                // A field the endpoint reads (an unknown one's bad number would be skipped unread, and the
                // request rightly accepted), given again with a number no reader takes.
                var fields = known.Where(p => !p.Contains('.') && body.ContainsKey(p)).ToList();
                var key = fields.Count > 0 ? r.PickOne(fields) : body.Count > 0 ? body.First().Key : "a";
                return Encoding.UTF8.GetBytes(json.TrimEnd('}') + (body.Count > 0 ? "," : "") + "\"" + key + "\":" + r.Pick(FuzzValues.BadNumberLiterals) + "}");
            }
            case 10:
            {
                var bytes = new byte[r.Next(1, 2000)];
                r.NextBytes(bytes);
                return bytes;
            }
            default: return Encoding.UTF8.GetBytes("{'description': 'enkla citattecken', channel: email}");
        }
    }

    private static FuzzCall Evidence(Random r, ApiEndpoint e, ApiShape shape, string method, string url, string kind)
    {
        byte[]? body;
        string? contentType;
        const string boundary = "varna-fuzz-grans";
        switch (kind)
        {
            case "no-files":
                body = MultipartBytes(boundary, [("note", Encoding.UTF8.GetBytes(FuzzValues.OddString(r)), null)], complete: true);
                contentType = $"multipart/form-data; boundary={boundary}";
                break;
            case "truncated":
            {
                var full = MultipartBytes(boundary, RefusedFiles(r), complete: true);
                body = full[..r.Next(0, full.Length - 4)];
                contentType = $"multipart/form-data; boundary={boundary}";
                break;
            }
            case "no-boundary":
                body = MultipartBytes(boundary, RefusedFiles(r), complete: true);
                contentType = r.Pick(["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=gräns", "multipart/form-data; boundary=\"" + new string('b', 200) + "\"", "multipart/mixed; boundary=" + boundary]);
                break;
            case "json-body":
                body = "{\"files\": [\"iVBORw0KGgo=\"]}"u8.ToArray();
                contentType = r.Pick(["application/json", "text/plain", "image/png"]);
                break;
            default:
                // Only files the intake refuses (programs, empty files), so nothing can be stored.
                body = MultipartBytes(boundary, RefusedFiles(r), complete: true);
                contentType = $"multipart/form-data; boundary={boundary}";
                break;
        }
        return new FuzzCall(e.Name, shape.Caller, new HttpMethod(method), url, body, contentType, kind, ["files"], kind == "token");
    }

    public static List<(string Name, byte[] Bytes, string? FileName)> RefusedFiles(Random r)
    {
        var files = new List<(string Name, byte[] Bytes, string? FileName)>();
        for (var n = r.Next(1, 4); n > 0; n--)
        {
            byte[] bytes = r.Next(3) switch
            {
                0 => Array.Empty<byte>(),
                1 => [(byte)'M', (byte)'Z', 0x90, 0, .. RandomBytes(r, r.Next(0, 5000))],
                _ => [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, .. RandomBytes(r, r.Next(0, 5000))],
            };
            var name = r.Pick(["bild.png", "../../../etc/passwd", "a\u0000b.pdf", new string('x', 5000) + ".jpg", "", "skärmbild.exe", "\u202Egnp.exe", "CON", "..", "dokument.pdf\r\nX-Header: 1"]);
            files.Add(("files", bytes, (string?)name));
        }
        return files;
    }

    private static byte[] RandomBytes(Random r, int length)
    {
        var bytes = new byte[length];
        r.NextBytes(bytes);
        return bytes;
    }

    public static byte[] MultipartBytes(string boundary, IEnumerable<(string Name, byte[] Bytes, string? FileName)> parts, bool complete)
    {
        using var stream = new MemoryStream();
        void Write(string text) => stream.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, bytes, fileName) in parts)
        {
            Write($"--{boundary}\r\n");
            Write(fileName is null
                ? $"Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                : $"Content-Disposition: form-data; name=\"{name}\"; filename=\"{fileName.Replace("\"", "")}\"\r\nContent-Type: image/png\r\n\r\n");
            stream.Write(bytes);
            Write("\r\n");
        }
        if (complete) Write($"--{boundary}--\r\n");
        return stream.ToArray();
    }

    // "a.b", "items[0].c": the JSON paths of the leaves (and of whole arrays) of a body.
    public static IEnumerable<string> Paths(JsonNode? node, string prefix = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
                    yield return path;
                    if (value is JsonObject or JsonArray) foreach (var p in Paths(value, path)) yield return p;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return $"{prefix}[{i}]";
                    if (a[i] is JsonObject) foreach (var p in Paths(a[i], $"{prefix}[{i}]")) yield return p;
                }
                break;
        }
    }

    private static IEnumerable<string> Steps(string path) =>
        System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value);

    public static JsonNode? Get(JsonObject body, string path)
    {
        JsonNode? node = body;
        foreach (var step in Steps(path))
            node = step.StartsWith('[') ? (node as JsonArray) is { } a && int.Parse(step[1..^1]) < a.Count ? a[int.Parse(step[1..^1])] : null : (node as JsonObject)?[step];
        return node;
    }

    public static void Set(JsonObject body, string path, JsonNode? value) => Edit(body, path, (parent, step) =>
    {
        if (parent is JsonObject o) o[step] = value;
        else if (parent is JsonArray a && int.Parse(step[1..^1]) is var i && i < a.Count) a[i] = value;
    });

    public static void Remove(JsonObject body, string path) => Edit(body, path, (parent, step) =>
    {
        if (parent is JsonObject o) o.Remove(step);
        else if (parent is JsonArray a && int.Parse(step[1..^1]) is var i && i < a.Count) a.RemoveAt(i);
    });

    private static void Edit(JsonObject body, string path, Action<JsonNode, string> edit)
    {
        var steps = Steps(path).ToList();
        JsonNode node = body;
        foreach (var step in steps[..^1])
        {
            var next = step.StartsWith('[') ? (node as JsonArray)?[int.Parse(step[1..^1])] : (node as JsonObject)?[step];
            if (next is null && node is JsonObject parent) { next = new JsonObject(); parent[step] = next; }
            if (next is null) return;
            node = next;
        }
        edit(node, steps[^1]);
    }

    public static HttpRequestMessage ToRequest(this FuzzCall call)
    {
        var request = new HttpRequestMessage(call.Method, call.Url);
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            if (call.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", call.ContentType);
        }
        if (call.BadToken) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "varna_" + new string('x', 40));
        return request;
    }
}
