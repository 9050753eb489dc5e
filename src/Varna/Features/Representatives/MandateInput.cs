using System.ComponentModel.DataAnnotations;

namespace Varna.Features.Representatives;

public sealed class MandateInput
{
    [Required(ErrorMessage = "Validation.UnknownCodeNamed"), Display(Name = "Field.BodyKind")]
    public string? BodyKind { get; set; }

    [Display(Name = "Field.BodyName")]
    public string? BodyName { get; set; }

    [Required(ErrorMessage = "Validation.UnknownCodeNamed"), Display(Name = "Field.MandateRole")]
    public string? Role { get; set; }

    [Display(Name = "Field.FullTime")]
    public bool FullTimeOrLargePartTime { get; set; }

    [Required(ErrorMessage = "Validation.DateNamed"), DataType(DataType.Date), Display(Name = "Field.From")]
    public DateOnly? From { get; set; }

    [DataType(DataType.Date), Display(Name = "Field.To")]
    public DateOnly? To { get; set; }

    public static MandateInput Of(Mandate m) => new()
    {
        BodyKind = Codes.Of(m.BodyKind),
        BodyName = m.BodyName,
        Role = Codes.Of(m.Role),
        FullTimeOrLargePartTime = m.FullTimeOrLargePartTime,
        From = m.From,
        To = m.To,
    };

    public Result<MandateDetails> ToDetails()
    {
        var errors = new List<Error>();
        if (!Codes.TryParse<BodyKind>(BodyKind, out var body)) errors.Add(new(nameof(BodyKind), "Validation.UnknownCode"));
        if (!Codes.TryParse<MandateRole>(Role, out var role)) errors.Add(new(nameof(Role), "Validation.UnknownCode"));
        if (From is null) errors.Add(new(nameof(From), "Validation.Date"));
        if (errors.Count > 0) return Result<MandateDetails>.Fail(errors);
        return Result<MandateDetails>.Ok(new MandateDetails(body, BodyName, role, FullTimeOrLargePartTime, From!.Value, To));
    }
}

public sealed class EndMandateInput
{
    [Required(ErrorMessage = "Validation.DateNamed"), DataType(DataType.Date), Display(Name = "Field.LastDay")]
    public DateOnly? LastDay { get; set; }
}
