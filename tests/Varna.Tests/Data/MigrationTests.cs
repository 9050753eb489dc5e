namespace Varna.Tests.Data;

public sealed class MigrationTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    // CI fails here when someone changes the model and forgets `dotnet ef migrations add` for this provider.
    [Fact]
    public async Task Model_has_no_changes_without_a_migration()
    {
        var pending = await factory.WithDbAsync(null, db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, $"The model has changes with no migration for {factory.Database.Provider}. Run dotnet ef migrations add.");
    }

    [Fact]
    public async Task Every_migration_is_applied_on_start()
    {
        var pending = await factory.WithDbAsync(null, async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.Empty(pending);
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_full_synchronous_commits()
    {
        if (factory.Database.Provider != "Sqlite") return;
        var (journal, synchronous) = await factory.WithDbAsync(null, async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var j = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            var s = Convert.ToInt32(await command.ExecuteScalarAsync());
            return (j, s);
        });
        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // 2 = FULL
    }
}
