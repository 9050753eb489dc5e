using System.Globalization;

namespace Varna.Features.Representatives;

public enum RosterColumn { FirstName, LastName, Email, Phone, Gender, BirthYear, Body, BodyName, Role, FullTime, From, To }

// The roster file's vocabulary: Swedish header names and values first, English aliases and the
// stable codes accepted too, all case-insensitive.
public static class RosterColumns
{
    public static readonly IReadOnlyList<RosterColumn> Required =
        [RosterColumn.FirstName, RosterColumn.LastName, RosterColumn.Email, RosterColumn.Body, RosterColumn.Role, RosterColumn.From];

    // The name used in the template and in messages about a column that is missing.
    public static string SwedishName(RosterColumn column) => column switch
    {
        RosterColumn.FirstName => "förnamn",
        RosterColumn.LastName => "efternamn",
        RosterColumn.Email => "e-post",
        RosterColumn.Phone => "telefon",
        RosterColumn.Gender => "kön",
        RosterColumn.BirthYear => "födelseår",
        RosterColumn.Body => "organ",
        RosterColumn.BodyName => "organnamn",
        RosterColumn.Role => "roll",
        RosterColumn.FullTime => "heltid",
        RosterColumn.From => "från",
        RosterColumn.To => "till",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    private static readonly Dictionary<string, RosterColumn> Headers = new()
    {
        ["fornamn"] = RosterColumn.FirstName, ["förnamn"] = RosterColumn.FirstName, ["firstname"] = RosterColumn.FirstName,
        ["efternamn"] = RosterColumn.LastName, ["lastname"] = RosterColumn.LastName,
        ["epost"] = RosterColumn.Email, ["email"] = RosterColumn.Email, ["mail"] = RosterColumn.Email,
        ["telefon"] = RosterColumn.Phone, ["phone"] = RosterColumn.Phone,
        ["kon"] = RosterColumn.Gender, ["kön"] = RosterColumn.Gender, ["gender"] = RosterColumn.Gender,
        ["fodelsear"] = RosterColumn.BirthYear, ["födelseår"] = RosterColumn.BirthYear, ["birthyear"] = RosterColumn.BirthYear,
        ["organ"] = RosterColumn.Body, ["body"] = RosterColumn.Body,
        ["organnamn"] = RosterColumn.BodyName, ["bodyname"] = RosterColumn.BodyName,
        ["roll"] = RosterColumn.Role, ["role"] = RosterColumn.Role,
        ["heltid"] = RosterColumn.FullTime, ["fulltime"] = RosterColumn.FullTime,
        ["fran"] = RosterColumn.From, ["från"] = RosterColumn.From, ["from"] = RosterColumn.From,
        ["till"] = RosterColumn.To, ["to"] = RosterColumn.To,
    };

    public static bool TryHeader(string? header, out RosterColumn column) =>
        Headers.TryGetValue(Squash(header), out column);

    private static readonly Dictionary<string, BodyKind> Bodies = new()
    {
        ["kommunfullmäktige"] = BodyKind.MunicipalCouncil,
        ["kommunstyrelsen"] = BodyKind.MunicipalExecutiveBoard, ["kommunstyrelse"] = BodyKind.MunicipalExecutiveBoard,
        ["regionfullmäktige"] = BodyKind.RegionalCouncil,
        ["regionstyrelsen"] = BodyKind.RegionalExecutiveBoard, ["regionstyrelse"] = BodyKind.RegionalExecutiveBoard,
        ["nämnd"] = BodyKind.Committee,
        ["utskott"] = BodyKind.SubCommittee, ["beredning"] = BodyKind.SubCommittee, ["utskott eller beredning"] = BodyKind.SubCommittee,
        ["annat"] = BodyKind.Other, ["annat organ"] = BodyKind.Other,
    };

    public static bool TryBody(string value, out BodyKind body) =>
        Bodies.TryGetValue(Words(value), out body) || Codes.TryParse(value, out body);

    private static readonly Dictionary<string, MandateRole> RoleNames = new()
    {
        ["ordförande"] = MandateRole.Chair, ["chair"] = MandateRole.Chair,
        ["vice ordförande"] = MandateRole.ViceChair, ["vice chair"] = MandateRole.ViceChair,
        ["ledamot"] = MandateRole.Member, ["member"] = MandateRole.Member,
        ["ersättare"] = MandateRole.Substitute, ["substitute"] = MandateRole.Substitute,
    };

    public static bool TryRole(string value, out MandateRole role)
    {
        var words = Words(value);
        if (RoleNames.TryGetValue(words, out role) || Codes.TryParse(value, out role)) return true;
        // Rosters often say "1:e vice ordförande" or "andre vice ordförande".
        role = MandateRole.ViceChair;
        return words.EndsWith(" vice ordförande", StringComparison.Ordinal);
    }

    public static bool TryGender(string value, out Gender? gender)
    {
        switch (Words(value))
        {
            case "": gender = null; return true;
            case "kvinna" or "woman" or "k": gender = Gender.Woman; return true;
            case "man" or "m": gender = Gender.Man; return true;
            case "annat" or "other": gender = Gender.Other; return true;
            default: gender = null; return false;
        }
    }

    public static bool TryYesNo(string value, out bool yes)
    {
        switch (Words(value))
        {
            case "" or "nej" or "no" or "n" or "0" or "false": yes = false; return true;
            case "ja" or "yes" or "j" or "y" or "1" or "true" or "x": yes = true; return true;
            default: yes = false; return false;
        }
    }

    public static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Words(string? value) =>
        string.Join(' ', (value ?? "").Trim().ToLowerInvariant().Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Squash(string? value) =>
        new((value ?? "").Trim().TrimStart('\uFEFF').ToLowerInvariant().Where(c => c is not (' ' or '-' or '_')).ToArray());
}
