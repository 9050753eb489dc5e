namespace Varna.Features.Organisations;

public sealed class OrganisationsText;
