namespace Varna.Features.Representatives;

public enum BodyKind
{
    MunicipalCouncil,        // kommunfullmäktige
    MunicipalExecutiveBoard, // kommunstyrelse
    RegionalCouncil,         // regionfullmäktige
    RegionalExecutiveBoard,  // regionstyrelse
    Committee,               // nämnd
    SubCommittee,            // utskott / beredning
    Other,
}

public enum MandateRole { Chair, ViceChair, Member, Substitute }

public sealed record MandateDetails(
    BodyKind BodyKind, string? BodyName, MandateRole Role, bool FullTimeOrLargePartTime, DateOnly From, DateOnly? To);

// One assignment on one body. FullTimeOrLargePartTime marks the KL 4:2 first-paragraph members
// (kommunalråd, regionråd) whom the duty in KL 4:18 a covers.
public sealed class Mandate : IOrganisationOwned
{
    private Mandate() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid RepresentativeId { get; private set; }
    public BodyKind BodyKind { get; private set; }
    public string? BodyName { get; private set; }
    public MandateRole Role { get; private set; }
    public bool FullTimeOrLargePartTime { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsActiveOn(DateOnly day) => From <= day && (To is null || To >= day);

    internal static Result<Mandate> Create(Representative owner, MandateDetails details, DateTimeOffset now)
    {
        var errors = Validate(details);
        if (errors.Count > 0) return Result<Mandate>.Fail(errors);
        var mandate = new Mandate
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = owner.OrganisationId,
            RepresentativeId = owner.Id,
        };
        mandate.Apply(details, now);
        return Result<Mandate>.Ok(mandate);
    }

    public IReadOnlyList<Error> Update(MandateDetails details, DateTimeOffset now)
    {
        var errors = Validate(details);
        if (errors.Count == 0) Apply(details, now);
        return errors;
    }

    // Ending keeps the mandate as history; the term simply stops on the given day.
    public IReadOnlyList<Error> End(DateOnly lastDay, DateTimeOffset now)
    {
        if (!Plausible(lastDay)) return [new Error(nameof(To), "Mandate.DateOutOfRange", EarliestYear, LatestYear)];
        if (lastDay < From) return [new Error(nameof(To), "Mandate.EndBeforeStart")];
        To = lastDay;
        UpdatedAt = now;
        return [];
    }

    private void Apply(MandateDetails d, DateTimeOffset now)
    {
        BodyKind = d.BodyKind;
        BodyName = string.IsNullOrWhiteSpace(d.BodyName) ? null : d.BodyName.Trim();
        Role = d.Role;
        FullTimeOrLargePartTime = d.FullTimeOrLargePartTime;
        From = d.From;
        To = d.To;
        UpdatedAt = now;
    }

    // A term of office lies within a lifetime: a year like 0001 or 9999 is a typing or import slip
    // (found by the fuzz test), and stored it would sort every roster and statistic wrongly.
    private const int EarliestYear = 1950, LatestYear = 2100;
    private static bool Plausible(DateOnly day) => day.Year is >= EarliestYear and <= LatestYear;

    public static IReadOnlyList<Error> Validate(MandateDetails d)
    {
        var errors = new List<Error>();
        if (!Enum.IsDefined(d.BodyKind)) errors.Add(new(nameof(BodyKind), "Validation.UnknownCode"));
        if (!Enum.IsDefined(d.Role)) errors.Add(new(nameof(Role), "Validation.UnknownCode"));
        if (d.BodyKind is BodyKind.Committee or BodyKind.SubCommittee or BodyKind.Other && string.IsNullOrWhiteSpace(d.BodyName))
            errors.Add(new(nameof(BodyName), "Mandate.BodyNameRequired"));
        if (d.BodyName?.Trim().Length > 200) errors.Add(new(nameof(BodyName), "Validation.TooLong", 200));
        if (!Plausible(d.From)) errors.Add(new(nameof(From), "Mandate.DateOutOfRange", EarliestYear, LatestYear));
        if (d.To is { } end && !Plausible(end)) errors.Add(new(nameof(To), "Mandate.DateOutOfRange", EarliestYear, LatestYear));
        else if (d.To is { } to && to < d.From) errors.Add(new(nameof(To), "Mandate.EndBeforeStart"));
        return errors;
    }
}
