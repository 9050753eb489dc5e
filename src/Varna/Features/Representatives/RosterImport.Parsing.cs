using System.Globalization;
using CsvHelper;

namespace Varna.Features.Representatives;

public sealed partial class RosterImport
{
    private sealed record RosterRow(int Row, RepresentativeDetails Person, MandateDetails Mandate);

    private sealed class ColumnNames(Dictionary<RosterColumn, string> asWritten)
    {
        public string this[RosterColumn column] => asWritten.GetValueOrDefault(column) ?? RosterColumns.SwedishName(column);
    }

    private static readonly Dictionary<string, RosterColumn> PersonFields = new()
    {
        [nameof(RepresentativeDetails.FirstName)] = RosterColumn.FirstName,
        [nameof(RepresentativeDetails.LastName)] = RosterColumn.LastName,
        [nameof(RepresentativeDetails.Email)] = RosterColumn.Email,
        [nameof(RepresentativeDetails.Phone)] = RosterColumn.Phone,
        [nameof(RepresentativeDetails.Gender)] = RosterColumn.Gender,
        [nameof(RepresentativeDetails.BirthYear)] = RosterColumn.BirthYear,
    };

    private static readonly Dictionary<string, RosterColumn> MandateFields = new()
    {
        [nameof(Mandate.BodyKind)] = RosterColumn.Body,
        [nameof(Mandate.BodyName)] = RosterColumn.BodyName,
        [nameof(Mandate.Role)] = RosterColumn.Role,
        [nameof(Mandate.From)] = RosterColumn.From,
        [nameof(Mandate.To)] = RosterColumn.To,
    };

    private List<RosterRow> Parse(string text, out List<RosterProblem> problems, out ColumnNames names)
    {
        problems = [];
        names = new ColumnNames([]);
        var options = new CsvReaderOptions
        {
            Separator = DetectSeparator(text),
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
        };
        using var csv = CsvReader.FromText(text, options);
        try
        {
            csv.ReadHeader();
            var header = csv.Headers;
            if (header.Count == 0)
            {
                problems.Add(new(0, null, "Import.Empty"));
                return [];
            }
            var index = new Dictionary<RosterColumn, int>();
            var written = new Dictionary<RosterColumn, string>();
            for (var i = 0; i < header.Count; i++)
            {
                if (RosterColumns.TryHeader(header[i], out var column) && index.TryAdd(column, i))
                    written[column] = header[i].Trim().TrimStart('\uFEFF');
            }
            names = new ColumnNames(written);
            foreach (var missing in RosterColumns.Required.Where(c => !index.ContainsKey(c)))
                problems.Add(new(1, RosterColumns.SwedishName(missing), "Import.MissingColumn"));
            if (problems.Count > 0) return [];

            var rows = new List<RosterRow>();
            var now = time.GetUtcNow();
            while (csv.Read())
            {
                var record = new string[csv.FieldCount];
                for (var i = 0; i < record.Length; i++) record[i] = csv.GetString(i)?.Trim() ?? "";
                // Spreadsheets often leave rows of bare separators at the end.
                if (record.All(f => f.Length == 0)) continue;
                string Get(RosterColumn c) => index.TryGetValue(c, out var i) && i < record.Length ? record[i] : "";
                var row = ParseRow((int)csv.LineNumber, Get, names, now, problems);
                if (row is not null) rows.Add(row);
            }
            return rows;
        }
        catch (CsvFormatException e)
        {
            problems.Add(new((int)e.LineNumber, null, "Import.Unreadable"));
            return [];
        }
    }

    private static RosterRow? ParseRow(int rowNumber, Func<RosterColumn, string> get, ColumnNames names, DateTimeOffset now, List<RosterProblem> problems)
    {
        var before = problems.Count;
        void Problem(RosterColumn column, string key, params object[] args) => problems.Add(new(rowNumber, names[column], key, args));

        var email = get(RosterColumn.Email);
        if (email.Length == 0) Problem(RosterColumn.Email, "Import.EmailRequired");
        if (!RosterColumns.TryGender(get(RosterColumn.Gender), out var gender)) Problem(RosterColumn.Gender, "Import.UnknownGender", get(RosterColumn.Gender));
        int? birthYear = null;
        if (get(RosterColumn.BirthYear) is { Length: > 0 } yearText)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) birthYear = year;
            else Problem(RosterColumn.BirthYear, "Import.NotAYear", yearText);
        }
        var person = new RepresentativeDetails(get(RosterColumn.FirstName), get(RosterColumn.LastName), email, get(RosterColumn.Phone), gender, birthYear);
        foreach (var error in Representative.Validate(person, now))
            if (error.Field != nameof(RepresentativeDetails.Email) || email.Length > 0) Problem(PersonFields[error.Field], error.MessageKey, error.Arguments);

        BodyKind body = default;
        MandateRole role = default;
        DateOnly from = default;
        _ = Required(RosterColumn.Body, out var bodyText) && Check(RosterColumns.TryBody(bodyText, out body), RosterColumn.Body, "Import.UnknownBody", bodyText);
        _ = Required(RosterColumn.Role, out var roleText) && Check(RosterColumns.TryRole(roleText, out role), RosterColumn.Role, "Import.UnknownRole", roleText);
        Check(RosterColumns.TryYesNo(get(RosterColumn.FullTime), out var fullTime), RosterColumn.FullTime, "Import.UnknownYesNo", get(RosterColumn.FullTime));
        var fromOk = Required(RosterColumn.From, out var fromText) && Check(RosterColumns.TryDate(fromText, out from), RosterColumn.From, "Import.BadDate", fromText);
        DateOnly? to = null;
        if (get(RosterColumn.To) is { Length: > 0 } toText)
        {
            if (RosterColumns.TryDate(toText, out var parsedTo)) to = parsedTo;
            else Problem(RosterColumn.To, "Import.BadDate", toText);
        }

        // The mandate rules run on what could be read, so a row lists all its problems at once;
        // a rule about a column that already has a problem on this row adds nothing.
        var mandate = new MandateDetails(body, get(RosterColumn.BodyName), role, fullTime, fromOk ? from : DateOnly.MinValue, to);
        var flagged = problems.Skip(before).Select(p => p.Column).ToHashSet();
        foreach (var error in Mandate.Validate(mandate))
            if (!flagged.Contains(names[MandateFields[error.Field]])) Problem(MandateFields[error.Field], error.MessageKey, error.Arguments);
        return problems.Count == before ? new RosterRow(rowNumber, person, mandate) : null;

        bool Required(RosterColumn column, out string value)
        {
            value = get(column);
            if (value.Length > 0) return true;
            Problem(column, "Import.ValueRequired");
            return false;
        }

        bool Check(bool ok, RosterColumn column, string key, string value)
        {
            if (!ok) Problem(column, key, value);
            return ok;
        }
    }

    // The header decides: Swedish Excel writes semicolons, most other tools commas. Decided here
    // rather than by the reader's own guess so that the rule is this one line and is tested.
    private static char DetectSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return header.Contains(';') && header.Count(c => c == ';') >= header.Count(c => c == ',') ? ';' : ',';
    }
}
