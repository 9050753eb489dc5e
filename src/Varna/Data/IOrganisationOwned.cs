namespace Varna.Data;

// Every row that belongs to one organisation implements this, and AppDbContext gives each such
// entity a query filter on it. Code that forgets a Where still cannot read another tenant's rows.
public interface IOrganisationOwned
{
    Guid OrganisationId { get; }
}
