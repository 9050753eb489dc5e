namespace Varna.Features.Cases;

// The last reference sequence handed out per organisation and year. Incremented with a single
// UPDATE inside the report's transaction, which serialises concurrent reports on both providers
// (SQLite has one writer; PostgreSQL holds the row lock until commit).
public sealed class ReferenceCounter
{
    public Guid OrganisationId { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}
