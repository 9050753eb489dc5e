using Varna.Features.Demo;

namespace Varna.Cli;

// `seed-cases --count 100000 [--org DEMO] [--open-share 0.05]`: load for the case-handling benchmark
// (bench/cases.sh), added to the demo organisation. Refused in Production like seed-demo.
public static class SeedCasesCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args)
    {
        args.AllowOnly("count", "org", "open-share");
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            Console.Error.WriteLine("Error: seed-cases is refused in Production: it adds made-up cases.");
            return 1;
        }
        if (!int.TryParse(args.Required("count"), out var count) || count is < 1 or > 1_000_000)
            throw new CliUsageException("--count must be a whole number from 1 to 1000000.");
        if (!double.TryParse(args.Optional("open-share") ?? "0.05", System.Globalization.CultureInfo.InvariantCulture, out var openShare) || openShare is < 0 or > 1)
            throw new CliUsageException("--open-share must be a number from 0 to 1, e.g. 0.05.");
        var prefix = args.Optional("org") ?? "DEMO";

        var db = services.GetRequiredService<AppDbContext>();
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.ReferencePrefix == prefix);
        if (org is null)
        {
            Console.Error.WriteLine($"Error: no organisation with reference prefix {prefix}. Run seed-demo first.");
            return 1;
        }
        var officer = await db.OfficersOf(org.Id).OrderBy(u => u.CreatedAt).FirstOrDefaultAsync();
        var representative = await db.Users.Where(u => u.OrganisationId == org.Id && u.RepresentativeId != null).OrderBy(u => u.CreatedAt).FirstOrDefaultAsync();
        if (officer is null || representative is null)
        {
            Console.Error.WriteLine("Error: the organisation needs a security officer and a representative account.");
            return 1;
        }
        var seeded = await services.GetRequiredService<CaseVolume>().AddAsync(org, officer.Id, representative.Id, count, openShare, CancellationToken.None);
        Console.WriteLine($"Added {seeded.Cases} cases to {org.Name}.");
        Console.WriteLine($"typical {seeded.TypicalCaseId}");
        Console.WriteLine($"heavy {seeded.HeavyCaseId}");
        return 0;
    }
}
