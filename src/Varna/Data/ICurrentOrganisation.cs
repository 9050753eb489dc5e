namespace Varna.Data;

// The organisation whose data the current unit of work may see. Null means "none": the query
// filter then matches no organisation-owned row at all (fail closed).
public interface ICurrentOrganisation
{
    Guid? OrganisationId { get; }
}

// Used by the CLI, jobs and the design-time factory, where there is no signed-in user.
public sealed class FixedOrganisation(Guid? organisationId) : ICurrentOrganisation
{
    public Guid? OrganisationId { get; set; } = organisationId;
}
