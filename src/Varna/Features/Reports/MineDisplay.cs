namespace Varna.Features.Reports;

// How the reporter's pages write times, sizes and codes.
public static class MineDisplay
{
    public static string Date(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Swedish.TimeZone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // When only the day was given, the stored time is that day's start and means nothing.
    public static string Occurred(DateTimeOffset moment, bool timeKnown) => timeKnown ? Swedish.Format(moment) : Date(moment);

    public static string Iso(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static string Size(long bytes, IStringLocalizer text) => bytes switch
    {
        < 1024 => text["Mine.Size.Bytes", bytes],
        < 1024 * 1024 => text["Mine.Size.Kilobytes", (bytes / 1024.0).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)],
        _ => text["Mine.Size.Megabytes", (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)],
    };

    public static string Label<T>(IStringLocalizer text, string prefix, T value) where T : struct, Enum =>
        text[$"{prefix}.{Codes.Of(value)}"];

    public static string Types(IStringLocalizer text, IEnumerable<IncidentType> types) =>
        string.Join(", ", types.Select(t => Label(text, "Type", t)));
}
