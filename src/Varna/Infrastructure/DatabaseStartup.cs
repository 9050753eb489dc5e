using Varna.Features.Demo;

namespace Varna.Infrastructure;

public static class DatabaseStartup
{
    // Migrations run on every start (idempotent), and the demo is added to an empty database
    // when demo mode is on. Production never seeds: the guard refuses Demo:Enabled there.
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        // Before anything reads an encrypted column: a wrong master key stops the start here.
        await scope.ServiceProvider.GetRequiredService<Features.Keys.KeyRing>().VerifyAsync();
        await RoleSeeder.EnsureRolesAsync(scope.ServiceProvider);
        if (scope.ServiceProvider.GetRequiredService<DemoMode>().Enabled)
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
    }
}
