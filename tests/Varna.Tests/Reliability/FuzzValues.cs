using System.Text;
using System.Text.Json.Nodes;

namespace Varna.Tests.Reliability;

// The hostile values the fuzzer draws from. "Invalid" ones must be refused wherever they are put
// (so a request carrying one can never be valid by chance); "odd" ones may be acceptable in a
// free-text field and are only ever sent together with an invalid one.
public static class FuzzValues
{
    public const int HugeLength = 1_100_000;

    public static readonly string[] UnknownCodes =
        ["pigeon", "THREAT ", "hot_och_hat", "ÅÄÖ", "<script>alert(1)</script>", "' OR 1=1 --", "null", "0", "-1", "🦆", "threat\u0000", "\u202Etaerht"];

    public static readonly string[] BadDates =
        ["0001-01-01", "9999-12-31", "2026-02-30", "2026-13-45", "igår", "31/12/2026", "2026-1-1", "20261120", "2026-11-20T25:61", "1e309", "NaN", "-2026-01-01", "2026-11-20T10:00+99:00", "0001-01-01T00:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59", "9999-12-31T23:59:59-14:00"];

    public static readonly string[] BadGuids =
        ["not-a-guid", "00000000-0000-0000-0000-00000000000g", "{}", "12345", "9999999999999999999999", "-1", "0"];

    public static readonly string[] BadRouteIds =
        ["not-a-guid", "99999999999999999999", "-1", "0", "%01", "..%2F..%2Fetc", "%E2%80%AE", "{id}", "00000000-0000-0000-0000-000000000000x"];

    public static readonly string[] OddText =
        ["", " ", "\u0000", "a\u0000b", "\u0001\u0002\u0007\u001b[31m", "\r\n\r\n", "\t", "\u200B\u200D\uFEFF", "\u202E", "Ω≈ç√∫", "😀👩‍👩‍👧", "<b>fet</b>", "${7*7}", "../../etc/passwd", "%s%s%n", "Robert'); DROP TABLE cases;--"];

    // Numbers no field of this API accepts where an int, a Guid, a date or a code belongs.
    public static readonly string[] BadNumberLiterals = ["1e309", "-1e309", "99999999999999999999999", "-9223372036854775809", "1.5", "-0.0000001", "0x10", "NaN", "Infinity"];

    public static string Huge(Random random) => new(random.Next(2) == 0 ? 'a' : 'ö', HugeLength);

    public static string Pick(this Random random, IReadOnlyList<string> values) => values[random.Next(values.Count)];

    public static T PickOne<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    public static string OddString(Random random) => random.Next(10) switch
    {
        0 => new string('x', random.Next(1_000, 20_000)),
        1 => RandomUnicode(random, random.Next(1, 80)),
        _ => random.Pick(OddText),
    };

    public static string RandomUnicode(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = random.Next(6) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x80, 0x800),
                2 => (char)random.Next(0x2000, 0x2070),
                _ => (char)random.Next(32, 127),
            };
            builder.Append(c);
        }
        return builder.ToString();
    }

    // A JSON value of a type that the field cannot take: the body cannot be read, so it is refused.
    public static JsonNode? WrongType(Random random, JsonNode? valid)
    {
        var kind = valid?.GetValueKind();
        var choices = new List<Func<JsonNode?>>
        {
            () => new JsonObject { ["x"] = 1 },
            () => new JsonArray(1, "a"),
        };
        if (kind is not System.Text.Json.JsonValueKind.String) choices.Add(() => JsonValue.Create("kanske"));
        if (kind is not System.Text.Json.JsonValueKind.Number) choices.Add(() => JsonValue.Create(random.Next(2) == 0 ? 12.5 : -7));
        if (kind is not System.Text.Json.JsonValueKind.True and not System.Text.Json.JsonValueKind.False) choices.Add(() => JsonValue.Create(true));
        if (kind is System.Text.Json.JsonValueKind.Object) choices.RemoveAt(0);
        if (kind is System.Text.Json.JsonValueKind.Array) choices.RemoveAt(1);
        return random.PickOne(choices)();
    }

    // Bytes that are not UTF-8 (a lone continuation byte, an overlong form, a surrogate, a cut sequence).
    public static readonly byte[][] InvalidUtf8 =
        [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xFF, 0xFE], [0xF8, 0x88, 0x80, 0x80, 0x80]];
}
