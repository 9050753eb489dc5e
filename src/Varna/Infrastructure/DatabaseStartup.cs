using Varna.Features.Demo;

namespace Varna.Infrastructure;

public static class DatabaseStartup
{
    // Migrations run on every start (idempotent), and the demo is added to an empty database
    // when demo mode is on. Production never seeds: the guard refuses Demo:Enabled there.
    // One node at a time (StartupLock), so nodes started together do not both make keys and seed.
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var startup = await StartupLock.AcquireAsync(db, app.Logger);
        await db.Database.MigrateAsync();
        // Before anything reads an encrypted column: a wrong master key stops the start here.
        await scope.ServiceProvider.GetRequiredService<Features.Keys.KeyRing>().VerifyAsync();
        await RoleSeeder.EnsureRolesAsync(scope.ServiceProvider);
        if (scope.ServiceProvider.GetRequiredService<DemoMode>().Enabled)
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
    }
}
