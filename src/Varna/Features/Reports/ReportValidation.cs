using System.Globalization;

namespace Varna.Features.Reports;

// Turns a request into a draft, collecting every problem at once so that a form shows them all.
// Field names are the request's property paths; the API camel-cases them, pages prefix "Input.".
public static class ReportValidation
{
    public const int MaxTypes = 16;
    private static readonly DateOnly Earliest = new(1990, 1, 1);
    // A phone whose clock runs a little ahead must not be told its "now" is in the future.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static Result<ReportDraft> Validate(ReportRequest request, DateTimeOffset now)
    {
        var errors = new List<Error>();
        var (occurredAt, timeKnown) = ParseOccurredAt(request.OccurredAt, now, errors);
        var channel = CodeInput.Required<Channel>(request.Channel, nameof(request.Channel), errors);
        var types = ParseTypes(request.Types, errors);
        var description = RequiredText(request.Description, nameof(request.Description), Report.MaxDescriptionLength, errors);
        var wish = CodeInput.Required<ReporterWish>(request.Wish, nameof(request.Wish), errors);
        var target = CodeInput.Optional<Target>(request.Target, nameof(request.Target), errors) ?? Target.Self;
        var location = OptionalText(request.Location, nameof(request.Location), Report.MaxShortTextLength, errors);
        var category = CodeInput.Optional<PerpetratorCategory>(request.Perpetrator?.Category, "Perpetrator.Category", errors);
        var identifiers = ParseIdentifiers(request.Perpetrator?.Identifiers, errors);
        var roleConnection = CodeInput.Optional<RoleConnection>(request.RoleConnection, nameof(request.RoleConnection), errors);
        var agendaItem = OptionalText(request.AgendaItem, nameof(request.AgendaItem), Report.MaxShortTextLength, errors);
        var policeReference = OptionalText(request.PoliceReference, nameof(request.PoliceReference), 100, errors);
        var intake = CodeInput.Optional<IntakeMethod>(request.ReceivedVia, nameof(request.ReceivedVia), errors);
        // Typing a report in oneself is not a way an officer can have received it.
        if (intake == IntakeMethod.SelfService)
            errors.Add(CodeInput.Unknown<IntakeMethod>(nameof(request.ReceivedVia), request.ReceivedVia, exclude: IntakeMethod.SelfService));

        if (errors.Count > 0) return Result<ReportDraft>.Fail(errors);
        return Result<ReportDraft>.Ok(new ReportDraft(
            request.DangerNow, occurredAt, timeKnown, channel, types, description, wish, target, location,
            category, identifiers, roleConnection, agendaItem,
            ReportedToPolice: request.ReportedToPolice ?? policeReference is not null, policeReference,
            RepresentativeId: null, intake ?? IntakeMethod.SelfService));
    }

    // "2026-11-28" (time not known), "2026-11-28T14:30" (Swedish time) or a full ISO 8601 instant.
    // Missing means now: the person is telling us about something that is happening.
    private static (DateTimeOffset, bool) ParseOccurredAt(string? value, DateTimeOffset now, List<Error> errors)
    {
        const string field = nameof(ReportRequest.OccurredAt);
        if (string.IsNullOrWhiteSpace(value)) return (now, true);
        value = value.Trim();
        DateTimeOffset moment;
        bool timeKnown;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            moment = SwedishMoment(date.ToDateTime(TimeOnly.MinValue));
            timeKnown = false;
        }
        else if (HasOffset(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            (moment, timeKnown) = (instant.ToUniversalTime(), true);
        }
        else if (DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"],
                     CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            (moment, timeKnown) = (SwedishMoment(local), true);
        }
        else
        {
            errors.Add(new Error(field, "Report.OccurredAtInvalid"));
            return (now, true);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Swedish.TimeZone).DateTime);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Swedish.TimeZone).DateTime);
        if (timeKnown ? moment > now + ClockSkew : day > today)
            errors.Add(new Error(field, "Report.OccurredAtFuture"));
        else if (day < Earliest)
            errors.Add(new Error(field, "Report.OccurredAtTooEarly", Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return (moment, timeKnown);
    }

    private static bool HasOffset(string value) =>
        value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 19 && (value[^6] is '+' or '-') && value[^3] == ':');

    private static DateTimeOffset SwedishMoment(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A time skipped by the spring clock change does not exist; read it as the hour after.
        if (Swedish.TimeZone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, Swedish.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static List<IncidentType> ParseTypes(IReadOnlyList<string?>? codes, List<Error> errors)
    {
        const string field = nameof(ReportRequest.Types);
        var types = new List<IncidentType>();
        if (codes is null || codes.Count == 0 || codes.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new Error(field, "Report.TypesRequired"));
            return types;
        }
        if (codes.Count > MaxTypes * 2) { errors.Add(new Error(field, "Report.TooManyTypes")); return types; }
        foreach (var code in codes.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            if (Codes.TryParse<IncidentType>(code, out var type)) { if (!types.Contains(type)) types.Add(type); }
            else errors.Add(CodeInput.Unknown<IncidentType>(field, code));
        }
        return types;
    }

    private static List<string> ParseIdentifiers(IReadOnlyList<string?>? values, List<Error> errors)
    {
        const string field = "Perpetrator.Identifiers";
        var identifiers = (values ?? []).Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)
            .Distinct(StringComparer.Ordinal).ToList();
        if (identifiers.Count > Report.MaxIdentifiers)
            errors.Add(new Error(field, "Report.TooManyIdentifiers", Report.MaxIdentifiers));
        else if (identifiers.Any(i => i.Length > Report.MaxShortTextLength))
            errors.Add(new Error(field, "Validation.TooLong", Report.MaxShortTextLength));
        return identifiers;
    }

    private static string RequiredText(string? text, string field, int max, List<Error> errors)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0) errors.Add(new Error(field, "Validation.Required"));
        else if (text.Length > max) errors.Add(new Error(field, "Validation.TooLong", max));
        return text;
    }

    private static string? OptionalText(string? text, string field, int max, List<Error> errors)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > max) errors.Add(new Error(field, "Validation.TooLong", max));
        return text;
    }

    // An attacker's 1 MB "code" is not echoed back in full.
}
