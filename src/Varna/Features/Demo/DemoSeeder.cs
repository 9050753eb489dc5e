using Microsoft.AspNetCore.Identity;
using Varna.Features.Organisations;
using Varna.Features.Representatives;

namespace Varna.Features.Demo;

public sealed class DemoSeeder(AppDbContext db, UserManager<User> users, TimeProvider time, DemoMode demo, ILogger<DemoSeeder> logger)
{
    // The term that started after the September 2026 election.
    private static readonly DateOnly TermStart = new(2026, 10, 15);
    private static readonly DateOnly TermEnd = new(2030, 10, 14);

    // One transaction: a process killed halfway through the first start's seeding must not leave
    // organisations without their accounts, which the next start would take for a seeded demo.
    public async Task<bool> SeedIfEmptyAsync()
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await db.Organisations.AnyAsync() || await db.Users.AnyAsync()) return false;
        await SeedAsync();
        await transaction.CommitAsync();
        return true;
    }

    private async Task SeedAsync()
    {
        var now = time.GetUtcNow();
        var municipality = Organisation.Create("Demo kommun", OrganisationKind.Municipality, "9999", now).Value!;
        var region = Organisation.Create("Exempelregionen", OrganisationKind.Region, "99", now).Value!;
        db.Organisations.AddRange(municipality, region);

        var municipalReps = AddRepresentatives(municipality, seed: 1862, now);
        var regionalReps = AddRepresentatives(region, seed: 1634, now);
        await db.SaveChangesAsync();

        var representative = await AddUserAsync("fortroendevald@demo.varna.se", municipalReps[7].FullName, municipality, Roles.Representative, municipalReps[7]);
        var officer = await AddUserAsync("sakerhet@demo.varna.se", "Helena Säker", municipality, Roles.SecurityOfficer);
        await AddUserAsync("admin@demo.varna.se", "Adam Admin", municipality, Roles.OrgAdmin);
        await AddUserAsync("analys@demo.varna.se", "Alva Analys", municipality, Roles.Analyst);
        await AddUserAsync("dso@demo.varna.se", "Dora Dataskydd", municipality, Roles.DataProtectionOfficer);
        await AddUserAsync("natverk@demo.varna.se", "Nora Nätverk", null, Roles.NetworkCoordinator);
        await AddUserAsync("fortroendevald@region.demo.varna.se", regionalReps[4].FullName, region, Roles.Representative, regionalReps[4]);
        await AddUserAsync("sakerhet@region.demo.varna.se", "Rikard Region", region, Roles.SecurityOfficer);
        if (demo.Cases)
        {
            new DemoCases(db, municipality, officer.Id, representative.Id, now).Add(municipalReps);
            await db.SaveChangesAsync();
        }
        logger.LogInformation("Demo data added: {Organisations} organisations, {Representatives} representatives.", 2, municipalReps.Count + regionalReps.Count);
    }

    private List<Representative> AddRepresentatives(Organisation org, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var isRegion = org.Kind == OrganisationKind.Region;
        var council = isRegion ? BodyKind.RegionalCouncil : BodyKind.MunicipalCouncil;
        var board = isRegion ? BodyKind.RegionalExecutiveBoard : BodyKind.MunicipalExecutiveBoard;
        var committees = isRegion ? DemoPeople.RegionalCommittees : DemoPeople.MunicipalCommittees;
        var domain = isRegion ? "exempelregionen.se" : "demokommun.se";
        var list = new List<Representative>();
        var usedNames = new HashSet<string>();

        for (var i = 0; i < 30; i++)
        {
            var gender = i % 2 == 0 ? Gender.Woman : Gender.Man;
            string first, last;
            do
            {
                var firsts = gender == Gender.Woman ? DemoPeople.WomenFirstNames : DemoPeople.MenFirstNames;
                first = firsts[random.Next(firsts.Length)];
                last = DemoPeople.LastNames[random.Next(DemoPeople.LastNames.Length)];
            } while (!usedNames.Add(first + last));

            var email = $"{Ascii(first)}.{Ascii(last)}@{domain}";
            var details = new RepresentativeDetails(first, last, email, $"070-{random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}",
                i % 7 == 6 ? null : gender, i % 5 == 4 ? null : random.Next(1950, 2004));
            var rep = Representative.Create(org.Id, details, now).Value!;
            if (i % 3 == 0) rep.RecordParty(DemoPeople.Parties[random.Next(DemoPeople.Parties.Length)], consentGiven: true, now);

            // Full council: the first 24 as members, the rest as substitutes.
            rep.AddMandate(new(council, null, i < 24 ? MandateRole.Member : MandateRole.Substitute, false, TermStart, TermEnd), now);
            if (i < 11)
            {
                var role = i switch { 0 => MandateRole.Chair, 1 or 2 => MandateRole.ViceChair, _ => MandateRole.Member };
                // The board's chair and vice chairs are the kommunalråd/regionråd under KL 4:2.
                rep.AddMandate(new(board, null, role, i < 3, TermStart, TermEnd), now);
            }
            else
            {
                var committee = committees[(i - 11) % committees.Length];
                var role = (i - 11) < committees.Length ? MandateRole.Chair : MandateRole.Member;
                rep.AddMandate(new(BodyKind.Committee, committee, role, false, TermStart, TermEnd), now);
            }
            // One mandate from the previous term, ended, so history shows.
            if (i % 6 == 1)
                rep.AddMandate(new(BodyKind.Committee, committees[i % committees.Length], MandateRole.Member, false, new(2022, 10, 15), new(2026, 10, 14)), now);

            db.Representatives.Add(rep);
            list.Add(rep);
        }
        return list;
    }

    private async Task<User> AddUserAsync(string email, string name, Organisation? org, string role, Representative? representative = null)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            OrganisationId = org?.Id,
            RepresentativeId = representative?.Id,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, DemoRegistration.Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    private static string Ascii(string s) => new string(s.ToLowerInvariant()
        .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('é', 'e')
        .Where(char.IsAsciiLetter).ToArray());
}
