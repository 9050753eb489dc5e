namespace Varna.Features.Cases;

// What goes to the police, already worded in the reader's language: the page and the DOCX both
// render this one model, so the two can never disagree. Internal working material (notes,
// assessments, concern changes, messages) is never put into it.
public sealed record PolicePackage(
    Guid CaseId, string Reference, string Organisation, string ProducedAt, string? PoliceReference,
    IReadOnlyList<PackageIncident> Incidents, IReadOnlyList<PackagePerpetrator> Perpetrators,
    IReadOnlyList<PackageEvent> Timeline, IReadOnlyList<PackageEvidence> Evidence);

public sealed record PackageFact(string Label, string Value);

public sealed record PackageIncident(int Number, IReadOnlyList<PackageFact> Facts, string Description, IReadOnlyList<PackageSupplement> Supplements);

public sealed record PackageSupplement(string AddedAt, string Text);

public sealed record PackagePerpetrator(int Incident, string Category, IReadOnlyList<string> Identifiers);

public sealed record PackageEvent(string At, string What);

// Name is the file name, the words "pasted text", or the link's address.
public sealed record PackageEvidence(int Number, int Incident, string Name, string Type, string Size, string Sha256, string ReceivedAt);
