using Varna.Features.Organisations;
using Varna.Features.Reports;

namespace Varna.Features.Cases;

// The first, automatic judgement of a new report. The security officer reassesses it; this only
// decides how soon someone must get in touch.
public static class ConcernRules
{
    public static ConcernLevel InitialLevel(bool dangerNow, IReadOnlyCollection<IncidentType> types, Target target)
    {
        if (dangerNow) return ConcernLevel.Acute;
        var threat = types.Contains(IncidentType.Threat);
        if (types.Contains(IncidentType.Violence)
            || types.Contains(IncidentType.IntimidatingVisit)
            || (threat && target is Target.Relative or Target.Both))
            return ConcernLevel.High;
        return threat ? ConcernLevel.Moderate : ConcernLevel.Low;
    }

    // Someone who only wants the incident registered has asked not to be contacted, so no clock runs.
    public static DateTimeOffset? FirstContactDue(ConcernLevel level, ReporterWish wish, OrganisationSettings settings, DateTimeOffset receivedAt) =>
        wish == ReporterWish.RecordOnly ? null : receivedAt.AddHours(HoursFor(level, settings));

    public static int HoursFor(ConcernLevel level, OrganisationSettings settings) => level switch
    {
        ConcernLevel.Acute => settings.FirstContactHoursAcute,
        ConcernLevel.High => settings.FirstContactHoursHigh,
        ConcernLevel.Moderate => settings.FirstContactHoursModerate,
        _ => settings.FirstContactHoursLow,
    };
}
