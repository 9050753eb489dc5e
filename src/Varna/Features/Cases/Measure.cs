namespace Varna.Features.Cases;

// A measure taken for the representative, from the catalogue or in free text, with an owner and
// dates. Its review date puts it on the owner officer's to-do list and in their e-mail.
public sealed class Measure : IOrganisationOwned
{
    public const int MaxTextLength = 2_000;
    public const int MaxOwnerLength = 200;

    private Measure() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public MeasureCode Code { get; private set; }
    public string? Description { get; private set; }
    // Who carries it out: a person or an organisation in words ("Polisen", "Fastighetskontoret").
    public string Owner { get; private set; } = "";
    // The officer responsible for following it up; reviews are e-mailed to them.
    public Guid? OwnerOfficerId { get; private set; }
    public MeasureStatus Status { get; private set; }
    public DateOnly? StartOn { get; private set; }
    public DateOnly? ReviewOn { get; private set; }
    public DateOnly? EndOn { get; private set; }
    // The review date the clock job last sent a reminder for; a new review date gets a new reminder.
    public DateOnly? ReviewRemindedFor { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public sealed record Details(MeasureCode Code, string? Description, string Owner, Guid? OwnerOfficerId, MeasureStatus Status,
        DateOnly? StartOn, DateOnly? ReviewOn, DateOnly? EndOn);

    public static Result<Measure> Add(Case @case, Details details, DateTimeOffset now)
    {
        var errors = Validate(details);
        if (errors.Count > 0) return Result<Measure>.Fail(errors);
        var measure = new Measure { Id = Guid.CreateVersion7(now), OrganisationId = @case.OrganisationId, CaseId = @case.Id, CreatedAt = now };
        measure.Apply(details, now);
        return Result<Measure>.Ok(measure);
    }

    public Result<Measure> Change(Details details, DateTimeOffset now)
    {
        var errors = Validate(details);
        if (errors.Count > 0) return Result<Measure>.Fail(errors);
        Apply(details, now);
        Version++;
        return Result<Measure>.Ok(this);
    }

    internal void Reminded(DateOnly reviewOn) => ReviewRemindedFor = reviewOn;

    // Retention: which measure, its status and dates stay for statistics; who carries it out and the
    // free text go (they may name people or places). Owner is a required column, so it becomes empty.
    internal void ErasePersonalData(DateTimeOffset now)
    {
        Description = null;
        Owner = "";
        UpdatedAt = now;
        Version++;
    }

    private void Apply(Details d, DateTimeOffset now)
    {
        (Code, Description, Owner, OwnerOfficerId, Status) = (d.Code, Trim(d.Description), d.Owner.Trim(), d.OwnerOfficerId, d.Status);
        (StartOn, ReviewOn, EndOn, UpdatedAt) = (d.StartOn, d.ReviewOn, d.EndOn, now);
    }

    private static List<Error> Validate(Details d)
    {
        var errors = new List<Error>();
        if (d.Code == MeasureCode.Other && Trim(d.Description) is null) errors.Add(new Error("Description", "Measure.DescribeOther"));
        if (d.Description?.Trim().Length > MaxTextLength) errors.Add(new Error("Description", "Validation.TooLong", MaxTextLength));
        if (string.IsNullOrWhiteSpace(d.Owner)) errors.Add(new Error("Owner", "Validation.Required"));
        else if (d.Owner.Trim().Length > MaxOwnerLength) errors.Add(new Error("Owner", "Validation.TooLong", MaxOwnerLength));
        if (d.StartOn is { } start && d.EndOn is { } end && end < start) errors.Add(new Error("EndOn", "Measure.EndBeforeStart"));
        if (d.StartOn is { } s && d.ReviewOn is { } review && review < s) errors.Add(new Error("ReviewOn", "Measure.ReviewBeforeStart"));
        return errors;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
