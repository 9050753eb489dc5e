using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;

namespace Varna.Data;

public static class DatabaseRegistration
{
    public const string DefaultSqlite = "Data Source=data/varna.db";

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var provider = builder.Configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Varna");

        builder.Services.AddScoped<ICurrentOrganisation, Features.Identity.CurrentOrganisationFromUser>();
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Varna is not set.");
            builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
                .UseSnakeCaseNamingConvention()
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, EncryptedModelCacheKey>());
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString;
            EnsureSqliteDirectory(connectionString);
            builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
                .UseSnakeCaseNamingConvention()
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, EncryptedModelCacheKey>()
                .AddInterceptors(new SqlitePragmas()));
        }
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory) && file != ":memory:") Directory.CreateDirectory(directory);
    }
}
