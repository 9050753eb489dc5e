namespace Varna.Features.Organisations;

public enum OrganisationKind { Municipality, Region }

// The tenant. Its settings hold the decisions the brief leaves to each organisation: first-contact
// SLAs per concern level, retention, and the scope of responsibility it has decided to take.
public sealed class Organisation
{
    private Organisation() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    // SCB's kommunkod (4 digits) or länskod (2 digits); optional because not every tenant has one.
    public string? MunicipalityCode { get; private set; }
    // Prefix of case reference numbers, e.g. "DEMO" in DEMO-2026-0001.
    public string ReferencePrefix { get; private set; } = "";
    public OrganisationSettings Settings { get; private set; } = new();
    public DateTimeOffset CreatedAt { get; private set; }

    public static Result<Organisation> Create(string name, OrganisationKind kind, string? municipalityCode, DateTimeOffset now)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200)
            return new Error(nameof(Name), "Organisation.NameRequired");
        municipalityCode = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim();
        if (municipalityCode is not null && !(municipalityCode.Length is 2 or 4 && municipalityCode.All(char.IsAsciiDigit)))
            return new Error(nameof(MunicipalityCode), "Organisation.MunicipalityCodeInvalid");

        return Result<Organisation>.Ok(new Organisation
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Kind = kind,
            MunicipalityCode = municipalityCode,
            ReferencePrefix = MakePrefix(name),
            CreatedAt = now,
        });
    }

    public IReadOnlyList<Error> ChangeSettings(OrganisationSettings settings)
    {
        var errors = settings.Validate();
        if (errors.Count == 0) Settings = settings;
        return errors;
    }

    // "Demo kommun" -> "DEMO", "Exempelregionen" -> "EXEM". Letters only, so references stay readable aloud.
    private static string MakePrefix(string name)
    {
        var letters = name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(char.IsAsciiLetter).Take(4).ToArray();
        return letters.Length == 0 ? "ORG" : new string(letters).ToUpperInvariant();
    }
}
