using AngleSharp.Dom;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Varna.Features.Representatives;

namespace Varna.Tests.Representatives;

// Arranging helpers for the representatives tests: organisations, an extra admin, tokens, uploads.
internal static class RepresentativesArrange
{
    public const string DemoKommun = "Demo kommun";
    public const string Exempelregionen = "Exempelregionen";

    public static Task<Guid> OrganisationIdAsync(this VarnaFactory factory, string name) =>
        factory.WithDbAsync(null, db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static async Task<int> RepresentativeCountAsync(this VarnaFactory factory, string organisation = DemoKommun)
    {
        var id = await factory.OrganisationIdAsync(organisation);
        return await factory.WithDbAsync(id, db => db.Representatives.CountAsync());
    }

    public static async Task<Representative> RepresentativeAsync(this VarnaFactory factory, Func<Representative, bool> pick, string organisation = DemoKommun)
    {
        var id = await factory.OrganisationIdAsync(organisation);
        return await factory.WithDbAsync(id, async db =>
            (await db.Representatives.AsNoTracking().Include(r => r.Mandates).OrderBy(r => r.LastName).ToListAsync()).First(pick));
    }

    public static async Task<Representative> NewRepresentativeAsync(this VarnaFactory factory, string first, string last, string organisation = DemoKommun)
    {
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var email = $"{Guid.NewGuid():N}@exempel.se";
        return await factory.WithDbAsync(organisationId, async db =>
        {
            var representative = Representative.Create(organisationId, new RepresentativeDetails(first, last, email, "070-111 22 33", null, null), DateTimeOffset.UtcNow).Value!;
            db.Representatives.Add(representative);
            await db.SaveChangesAsync();
            return representative;
        });
    }

    public static async Task<Representative> ReloadAsync(this VarnaFactory factory, Representative representative) =>
        await factory.WithDbAsync(representative.OrganisationId, db =>
            db.Representatives.AsNoTracking().Include(r => r.Mandates).SingleAsync(r => r.Id == representative.Id));

    public static async Task<string> CreateOrgAdminAsync(this VarnaFactory factory, string organisation, string email)
    {
        var organisationId = await factory.OrganisationIdAsync(organisation);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new User
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true,
                DisplayName = "Regina Regionadmin", OrganisationId = organisationId, CreatedAt = DateTimeOffset.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, Demo.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.OrgAdmin)).Succeeded);
        }
        return email;
    }

    // Posts a file to the import form as a browser does: multipart, with the form's antiforgery token.
    public static async Task<HttpResponseMessage> UploadRosterAsync(this HttpClient client, byte[] content, string fileName = "fortroendevalda.csv")
    {
        const string url = "/admin/fortroendevalda/import";
        var page = await client.GetPageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("main form[enctype='multipart/form-data']")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var fileInput = form.QuerySelector<IHtmlInputElement>("input[type=file]")!;
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        multipart.Add(file, fileInput.Name!, fileName);
        return await client.PostAsync(url, multipart);
    }
}
