using Microsoft.EntityFrameworkCore.Design;

namespace Varna.Data;

// Used only by `dotnet ef` to build each provider's migrations; no database is opened.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention().UseApplicationServiceProvider(DesignTime.Services).Options,
        new FixedOrganisation(null), DesignTime.Protection);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql("Host=localhost;Database=varna_design", o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention().UseApplicationServiceProvider(DesignTime.Services).Options,
        new FixedOrganisation(null), DesignTime.Protection);
}

// Converters are never run at design time; the model only needs them to exist.
internal static class DesignTime
{
    // Identity reads its schema version (3: passkeys) from the app's options, even at design time.
    public static readonly IServiceProvider Services = new ServiceCollection()
        .Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.SchemaVersion = Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public static readonly Features.Keys.FieldProtection Protection =
        new(Microsoft.AspNetCore.DataProtection.DataProtectionProvider.Create("Varna.DesignTime"));
}
