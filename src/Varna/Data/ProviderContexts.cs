using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Varna.Data;

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ICurrentOrganisation currentOrganisation, Features.Keys.FieldProtection protection)
    : AppDbContext(options, currentOrganisation, protection)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        base.ConfigureConventions(conventions);
        // SQLite has no date-time-with-offset type; a sortable integer keeps ORDER BY and range
        // filters in the database instead of in memory.
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, ICurrentOrganisation currentOrganisation, Features.Keys.FieldProtection protection)
    : AppDbContext(options, currentOrganisation, protection);
