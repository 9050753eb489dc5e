using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Varna.Features.Audit;
using Varna.Features.Organisations;

namespace Varna.Cli;

public static class AdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args)
    {
        args.ExpectSubcommand("create");
        args.AllowOnly("org", "kind", "email");
        var orgName = args.Required("org");
        var kindCode = args.Required("kind");
        var email = args.Required("email").ToLowerInvariant();
        if (!Codes.TryParse<OrganisationKind>(kindCode, out var kind))
            throw new CliUsageException($"--kind must be municipality or region, not '{kindCode}'.");
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            throw new CliUsageException($"--email '{email}' is not an e-mail address.");

        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<User>>();
        var time = services.GetRequiredService<TimeProvider>();

        if (await users.FindByEmailAsync(email) is not null)
        {
            Console.Error.WriteLine($"Error: an account with {email} already exists.");
            return 1;
        }

        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == orgName.Trim());
        if (org is null)
        {
            var created = Organisation.Create(orgName, kind, null, time.GetUtcNow());
            if (!created.Succeeded) throw new CliUsageException($"--org: {created.Errors[0].MessageKey}");
            org = created.Value!;
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            Console.WriteLine($"Created organisation '{org.Name}' ({Codes.Of(org.Kind)}).");
        }
        else if (org.Kind != kind)
        {
            Console.Error.WriteLine($"Error: organisation '{org.Name}' exists and is a {Codes.Of(org.Kind)}, not a {kindCode}.");
            return 1;
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            DisplayName = email.Split('@')[0],
            OrganisationId = org.Id,
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(user);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.OrgAdmin);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine("Error: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await services.GetRequiredService<AuditTrail>().WriteAsync(AuditActor.CommandLine(org.Id), AuditAction.RoleChanged,
            target: "user:" + user.Id, detail: $"{email}: created as {Roles.OrgAdmin}");
        var link = await services.GetRequiredService<Invitations>().CreateLinkAsync(user);
        Console.WriteLine($"Created organisation admin {email} for '{org.Name}'. One-time link to choose a password (valid 7 days):");
        Console.WriteLine(link);
        return 0;
    }
}
