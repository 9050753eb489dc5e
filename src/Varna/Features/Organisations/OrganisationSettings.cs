namespace Varna.Features.Organisations;

public enum ResponsibilityScope
{
    // Only those the law covers: full-time and large part-time representatives (KL 4:2, 4:18 a).
    StatutoryOnly,
    // Every elected representative of the organisation.
    AllRepresentatives,
}

// The decisions the law leaves to each organisation. Replaced as a whole through
// Organisation.ChangeSettings, which checks them together (acute can never wait longer than low).
public sealed record OrganisationSettings
{
    public const int MaxHours = 24 * 30;
    public const int MaxRetentionMonths = 120;

    public int FirstContactHoursAcute { get; init; } = 1;
    public int FirstContactHoursHigh { get; init; } = 4;
    public int FirstContactHoursModerate { get; init; } = 24;
    public int FirstContactHoursLow { get; init; } = 72;
    public int RetentionMonthsAfterClosure { get; init; } = 24;
    // Whether the audit log keeps a keyed hash of the caller's IP address (never the address itself).
    public bool AuditIpHash { get; init; }
    public ResponsibilityScope Scope { get; init; } = ResponsibilityScope.AllRepresentatives;
    public bool CoversRelatives { get; init; } = true;
    public bool CoversLeisureTime { get; init; } = true;

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        (string Field, int Hours)[] slas =
        [
            (nameof(FirstContactHoursAcute), FirstContactHoursAcute),
            (nameof(FirstContactHoursHigh), FirstContactHoursHigh),
            (nameof(FirstContactHoursModerate), FirstContactHoursModerate),
            (nameof(FirstContactHoursLow), FirstContactHoursLow),
        ];
        foreach (var (field, hours) in slas)
        {
            if (hours < 1 || hours > MaxHours) errors.Add(new(field, "Validation.HoursRange", 1, MaxHours));
        }
        for (var i = 1; i < slas.Length; i++)
        {
            if (slas[i].Hours < slas[i - 1].Hours) errors.Add(new(slas[i].Field, "Validation.SlaOrder"));
        }
        if (RetentionMonthsAfterClosure < 1 || RetentionMonthsAfterClosure > MaxRetentionMonths)
            errors.Add(new(nameof(RetentionMonthsAfterClosure), "Validation.RetentionRange", 1, MaxRetentionMonths));
        if (!Enum.IsDefined(Scope)) errors.Add(new(nameof(Scope), "Validation.UnknownCode"));
        return errors;
    }
}
