using System.Globalization;
using System.Text;

namespace Varna.Features.Privacy.Log;

// Semicolon-separated with CRLF line ends, as Excel in Swedish expects. Fields are quoted when
// they hold a separator, quote or line break; a field that would start a formula (= + - @) gets a
// leading apostrophe, so opening the file never runs what someone typed into Värna.
public static class AuditLogCsvWriter
{
    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<AuditLogRow> rows, IStringLocalizer text,
        CancellationToken cancellationToken)
    {
        // The BOM comes from the writer's encoding on the first write.
        await WriteLineAsync(writer, [text["Csv.Time"], text["Csv.Sequence"], text["Csv.Person"], text["Csv.Email"], text["Csv.Action"],
            text["Csv.ActionCode"], text["Csv.Case"], text["Csv.Target"], text["Csv.Detail"], text["Csv.IpHash"]]);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await WriteLineAsync(writer, [
                TimeZoneInfo.ConvertTime(row.At, Swedish.TimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.Sequence.ToString(CultureInfo.InvariantCulture), row.ActorDisplayName, row.ActorName,
                text["Action." + Codes.Of(row.Action)], Codes.Of(row.Action), row.CaseReference, row.Target, row.Detail, row.IpHash]);
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static Task WriteLineAsync(TextWriter writer, string?[] fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) line.Append(';');
            line.Append(Field(fields[i]));
        }
        line.Append("\r\n");
        return writer.WriteAsync(line.ToString());
    }

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
