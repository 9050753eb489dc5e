using System.Net.Mail;

namespace Varna.Features.Representatives;

public enum Gender { Woman, Man, Other }

public sealed record RepresentativeDetails(
    string FirstName, string LastName, string? Email, string? Phone, Gender? Gender, int? BirthYear);

// An elected representative (förtroendevald) of one organisation. Gender and birth year exist only
// for statistics and are optional. Party is special-category data (GDPR art. 9): it can only be
// stored together with a record of the person's consent, and goes when the consent goes.
public sealed class Representative : IOrganisationOwned
{
    private readonly List<Mandate> _mandates = [];

    private Representative() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public Gender? Gender { get; private set; }
    public int? BirthYear { get; private set; }
    public string? Party { get; private set; }
    public DateTimeOffset? PartyConsentRecordedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<Mandate> Mandates => _mandates;

    public string FullName => $"{FirstName} {LastName}";

    public static Result<Representative> Create(Guid organisationId, RepresentativeDetails details, DateTimeOffset now)
    {
        var errors = Validate(details, now);
        if (errors.Count > 0) return Result<Representative>.Fail(errors);
        var representative = new Representative { Id = Guid.CreateVersion7(now), OrganisationId = organisationId, CreatedAt = now };
        representative.Apply(details, now);
        return Result<Representative>.Ok(representative);
    }

    public IReadOnlyList<Error> Update(RepresentativeDetails details, DateTimeOffset now)
    {
        var errors = Validate(details, now);
        if (errors.Count == 0) Apply(details, now);
        return errors;
    }

    public IReadOnlyList<Error> RecordParty(string? party, bool consentGiven, DateTimeOffset now)
    {
        party = string.IsNullOrWhiteSpace(party) ? null : party.Trim();
        if (party is null || !consentGiven)
        {
            if (party is not null) return [new Error(nameof(Party), "Representative.PartyNeedsConsent")];
            Party = null;
            PartyConsentRecordedAt = null;
        }
        else
        {
            if (party.Length > 100) return [new Error(nameof(Party), "Validation.TooLong", 100)];
            if (Party != party || PartyConsentRecordedAt is null) PartyConsentRecordedAt = now;
            Party = party;
        }
        UpdatedAt = now;
        return [];
    }

    public Result<Mandate> AddMandate(MandateDetails details, DateTimeOffset now)
    {
        var result = Mandate.Create(this, details, now);
        if (result.Succeeded) { _mandates.Add(result.Value!); UpdatedAt = now; }
        return result;
    }

    // Erasure on the person's request (GDPR art. 17): the row stays, because cases that must be kept
    // may still point at it, but nothing in it identifies the person any longer. The mandates go.
    public const string ErasedFirstName = "Raderad";
    public const string ErasedLastName = "förtroendevald";

    public bool IsErased => FirstName == ErasedFirstName && LastName == ErasedLastName && Email is null && Mandates.Count == 0;

    public void Anonymise(DateTimeOffset now)
    {
        FirstName = ErasedFirstName;
        LastName = ErasedLastName;
        Email = null;
        Phone = null;
        Gender = null;
        BirthYear = null;
        Party = null;
        PartyConsentRecordedAt = null;
        _mandates.Clear();
        UpdatedAt = now;
    }

    private void Apply(RepresentativeDetails d, DateTimeOffset now)
    {
        FirstName = d.FirstName.Trim();
        LastName = d.LastName.Trim();
        Email = Normalise(d.Email)?.ToLowerInvariant();
        Phone = Normalise(d.Phone);
        Gender = d.Gender;
        BirthYear = d.BirthYear;
        UpdatedAt = now;
    }

    private static string? Normalise(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static IReadOnlyList<Error> Validate(RepresentativeDetails d, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(d.FirstName)) errors.Add(new(nameof(FirstName), "Validation.Required"));
        else if (d.FirstName.Trim().Length > 100) errors.Add(new(nameof(FirstName), "Validation.TooLong", 100));
        if (string.IsNullOrWhiteSpace(d.LastName)) errors.Add(new(nameof(LastName), "Validation.Required"));
        else if (d.LastName.Trim().Length > 100) errors.Add(new(nameof(LastName), "Validation.TooLong", 100));
        var email = Normalise(d.Email);
        if (email is not null && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            errors.Add(new(nameof(Email), "Validation.Email"));
        var phone = Normalise(d.Phone);
        if (phone is not null && (phone.Length > 40 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
            errors.Add(new(nameof(Phone), "Validation.Phone"));
        if (d.BirthYear is { } year && (year < 1900 || year > now.Year - 15))
            errors.Add(new(nameof(BirthYear), "Representative.BirthYearRange", 1900, now.Year - 15));
        return errors;
    }
}
