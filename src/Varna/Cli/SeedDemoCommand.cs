using Varna.Features.Demo;

namespace Varna.Cli;

public static class SeedDemoCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            Console.Error.WriteLine("Error: seed-demo is refused in Production: the demo has known passwords.");
            return 1;
        }
        if (!await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync())
        {
            Console.Error.WriteLine("Error: the database is not empty; the demo is only added to an empty database.");
            return 1;
        }
        Console.WriteLine($"Demo added. Every demo account has the password {DemoRegistration.Password}.");
        return 0;
    }
}
