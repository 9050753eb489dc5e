using System.ComponentModel.DataAnnotations;

namespace Varna.Features.Representatives;

// The person form shared by the create and edit pages. Codes arrive as strings so an unknown
// value becomes a field error instead of a binding failure.
public sealed class RepresentativeInput
{
    // Lengths and formats are checked by Representative.Validate, which knows the limits.
    [Required(ErrorMessage = "Validation.RequiredNamed"), Display(Name = "Field.FirstName")]
    public string FirstName { get; set; } = "";

    [Required(ErrorMessage = "Validation.RequiredNamed"), Display(Name = "Field.LastName")]
    public string LastName { get; set; } = "";

    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Display(Name = "Field.Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Field.Gender")]
    public string? Gender { get; set; }

    [Display(Name = "Field.BirthYear")]
    public int? BirthYear { get; set; }

    [Display(Name = "Field.Party")]
    public string? Party { get; set; }

    [Display(Name = "Field.PartyConsent")]
    public bool PartyConsent { get; set; }

    public static RepresentativeInput Of(Representative r) => new()
    {
        FirstName = r.FirstName,
        LastName = r.LastName,
        Email = r.Email,
        Phone = r.Phone,
        Gender = r.Gender is { } g ? Codes.Of(g) : "",
        BirthYear = r.BirthYear,
        Party = r.Party,
        PartyConsent = r.PartyConsentRecordedAt is not null,
    };

    public Result<RepresentativeDetails> ToDetails()
    {
        Gender? gender = null;
        if (!string.IsNullOrWhiteSpace(Gender))
        {
            if (!Codes.TryParse<Gender>(Gender, out var parsed)) return new Error(nameof(Gender), "Validation.UnknownCode");
            gender = parsed;
        }
        return Result<RepresentativeDetails>.Ok(new RepresentativeDetails(FirstName, LastName, Email, Phone, gender, BirthYear));
    }
}
