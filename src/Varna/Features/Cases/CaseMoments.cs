using System.Globalization;

namespace Varna.Features.Cases;

// Moments and days an officer types in. Without an offset a time is Swedish local time, whatever
// the server's zone; with one (an API client's ISO instant) it is taken as it is.
public static class CaseMoments
{
    private static readonly string[] LocalFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];

    public static DateTimeOffset? Parse(string? value, DateTimeOffset now, string field, List<Error> errors)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value)) return now;
        if (HasOffset(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && Plausible(instant.UtcDateTime))
            return instant.ToUniversalTime();
        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && Plausible(local))
            return FromSwedish(local);
        errors.Add(new Error(field, "Case.MomentInvalid"));
        return null;
    }

    public static DateOnly? ParseDay(string? value, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(new Error(field, "Validation.Date"));
        return null;
    }

    // Year 0001 or 9999 is a slip, not a moment in a case; at 0001-01-01T00:00 Swedish time the
    // conversion to UTC would even fall before year 1 (a 500, found by the fuzz test).
    private static bool Plausible(DateTime moment) => moment.Year is >= 1900 and <= 2100;

    public static DateTime ToSwedish(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Swedish.TimeZone).DateTime;

    private static DateTimeOffset FromSwedish(DateTime local)
    {
        // A time skipped when the clocks go forward is read as the hour after.
        if (Swedish.TimeZone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, Swedish.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static bool HasOffset(string value) =>
        value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');
}
