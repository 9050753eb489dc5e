namespace Varna.Features.Organisations;

public enum ResponsibilityScope
{
    // Only those the law covers: full-time and large part-time representatives (KL 4:2, 4:18 a).
    StatutoryOnly,
    // Every elected representative of the organisation.
    AllRepresentatives,
}

public sealed class OrganisationSettings
{
    public int FirstContactHoursAcute { get; set; } = 1;
    public int FirstContactHoursHigh { get; set; } = 4;
    public int FirstContactHoursModerate { get; set; } = 24;
    public int FirstContactHoursLow { get; set; } = 72;
    public int RetentionMonthsAfterClosure { get; set; } = 24;
    public ResponsibilityScope Scope { get; set; } = ResponsibilityScope.AllRepresentatives;
    public bool CoversRelatives { get; set; } = true;
    public bool CoversLeisureTime { get; set; } = true;
}
