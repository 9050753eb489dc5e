using Microsoft.AspNetCore.Identity;

namespace Varna.Cli;

public static class TokenCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args)
    {
        args.ExpectSubcommand("create");
        args.AllowOnly("email", "name");
        var email = args.Required("email");
        var name = args.Optional("name") ?? "CLI";
        if (name.Length > 100) throw new CliUsageException("--name may be at most 100 characters.");

        var users = services.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsDeactivated)
        {
            Console.Error.WriteLine($"Error: no active account with e-mail {email}.");
            return 1;
        }

        var db = services.GetRequiredService<AppDbContext>();
        var (token, secret) = ApiToken.Issue(user.Id, name, services.GetRequiredService<TimeProvider>().GetUtcNow());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        Console.WriteLine($"Created API token '{token.Name}' for {user.Email}. It is shown only now:");
        Console.WriteLine(secret);
        return 0;
    }
}
