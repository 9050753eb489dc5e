using System.Globalization;
using Varna.Features.Audit;

namespace Varna.Cli;

// `audit verify`: checks every hash chain of the audit log. Exit 0 when all are intact, 1 when one
// is broken, naming the first broken entry of each broken chain.
public static class AuditCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args)
    {
        args.ExpectSubcommand("verify");
        args.AllowOnly();
        var result = await AuditChain.VerifyAsync(services.GetRequiredService<AppDbContext>());
        if (result.Chains.Count == 0)
        {
            Console.WriteLine("The audit log is empty.");
            return 0;
        }
        foreach (var chain in result.Chains)
        {
            if (chain.Break is not { } broken)
            {
                Console.WriteLine($"{chain.OrganisationName}: intact ({chain.Entries} entries).");
                continue;
            }
            Console.WriteLine($"{chain.OrganisationName}: BROKEN at sequence {broken.Sequence}, " +
                $"{broken.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)} UTC: {broken.Description}.");
        }
        if (result.Intact)
        {
            Console.WriteLine("The audit log is intact.");
            return 0;
        }
        Console.Error.WriteLine("Error: the audit log has been tampered with or damaged (see above).");
        return 1;
    }
}
