using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Varna.Data;
using Varna.Features.Keys;

namespace Varna.Tests.Reliability;

// The test's own view of the database the nodes share, for arranging (tokens, deadlines moved into
// the past) and for counting what the nodes wrote. It never reads an encrypted column, so it needs
// no keys of the nodes; it sees every organisation.
public static class TwoNodeDatabase
{
    private static readonly FieldProtection NoKeys = new(new EphemeralDataProtectionProvider());

    public static AppDbContext Open(TestDatabase database)
    {
        if (database.Provider == "Postgres")
        {
            var postgres = new DbContextOptionsBuilder<PostgresAppDbContext>()
                .UseNpgsql(database.ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
                .UseSnakeCaseNamingConvention()
                .ReplaceService<IModelCacheKeyFactory, EncryptedModelCacheKey>()
                .Options;
            return new PostgresAppDbContext(postgres, new FixedOrganisation(null), NoKeys);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(database.ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCacheKeyFactory, EncryptedModelCacheKey>()
            .AddInterceptors(new SqlitePragmas())
            .Options;
        return new SqliteAppDbContext(sqlite, new FixedOrganisation(null), NoKeys);
    }

    public static async Task<T> WithAsync<T>(TestDatabase database, Func<AppDbContext, Task<T>> work)
    {
        await using var db = Open(database);
        return await work(db);
    }

    // A personal API token, written the way `token create` writes it; the secret works on every node.
    public static Task<string> TokenAsync(TestDatabase database, string email) =>
        WithAsync(database, db => TestAccounts.IssueTokenAsync(db, email, "two-node test"));
}
