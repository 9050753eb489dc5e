namespace Varna.Features.Cases;

// A measure as a form or a request gives it: codes as text, so an unknown code can be named back to
// the sender. The page's add and edit forms bind it directly; the API builds it from its body.
public sealed class MeasureFields
{
    public string? Code { get; set; }
    public string? Description { get; set; }
    public string? Owner { get; set; }
    public Guid? OwnerOfficerId { get; set; }
    public string? Status { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? ReviewOn { get; set; }
    public DateOnly? EndOn { get; set; }

    public static MeasureFields Of(Measure m) => new()
    {
        Code = Codes.Of(m.Code),
        Description = m.Description,
        Owner = m.Owner,
        OwnerOfficerId = m.OwnerOfficerId,
        Status = Codes.Of(m.Status),
        StartOn = m.StartOn,
        ReviewOn = m.ReviewOn,
        EndOn = m.EndOn,
    };

    // Codes are parsed here; the entity checks the rest (owner, lengths, the order of the dates).
    public Measure.Details ToDetails(List<Error> errors)
    {
        var code = CodeInput.Required<MeasureCode>(Code, nameof(Code), errors);
        var status = CodeInput.Optional<MeasureStatus>(Status, nameof(Status), errors) ?? MeasureStatus.Planned;
        return new Measure.Details(code, Description, Owner ?? "", OwnerOfficerId, status, StartOn, ReviewOn, EndOn);
    }
}

// The catalogue as the forms group it, in the order of the product brief.
public static class MeasureCatalogue
{
    public static readonly IReadOnlyList<(string Group, MeasureCode[] Codes)> Groups =
    [
        ("support", [MeasureCode.SupportTalk, MeasureCode.CrisisSupport, MeasureCode.LegalAdvice]),
        ("evidence_reporting", [MeasureCode.EvidencePreserved, MeasureCode.RegisteredDiarium, MeasureCode.PoliceReport, MeasureCode.PartyContact]),
        ("meetings_home_person", [MeasureCode.MeetingSecurity, MeasureCode.HomeSecurityReview, MeasureCode.Alarm, MeasureCode.Escort, MeasureCode.PoliceProtection]),
        ("data_it", [MeasureCode.AddressProtection, MeasureCode.ItSecurityReview, MeasureCode.SocialMediaReview]),
        ("follow_up", [MeasureCode.FollowUpCall, MeasureCode.Other]),
    ];

    // A review is due from its date on, while the measure is still planned or running.
    public static bool ReviewDue(MeasureResponse m, DateOnly today) =>
        m.ReviewOn is { } review && review <= today && m.Status is MeasureStatus.Planned or MeasureStatus.Active;
}
