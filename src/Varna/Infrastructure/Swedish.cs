using System.Globalization;

namespace Varna.Infrastructure;

// Värna's calendar and alphabet are Swedish whatever the server's time zone or the reader's
// language: "today" is today in Sweden, and Åberg sorts after Zetterberg.
public static class Swedish
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");

    public static readonly StringComparer NameOrder = StringComparer.Create(Culture, ignoreCase: true);

    public static readonly TimeZoneInfo TimeZone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Stockholm", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Today(this TimeProvider time) => DateOf(time.GetUtcNow());

    // The Swedish calendar day a moment falls on.
    public static DateOnly DateOf(DateTimeOffset moment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, TimeZone).DateTime);

    public static string Format(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
