using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Varna.Tests.Infrastructure;

// Accounts made for one test, so that a lockout, a changed password or a switched-on 2FA never
// leaks into another test through a shared demo account.
public static class TestAccounts
{
    public static Task<Guid> OrganisationIdAsync(this VarnaFactory factory, string name) =>
        factory.WithDbAsync(null, db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    // password null: an invited account that has not chosen a password yet.
    public static async Task<User> CreateAccountAsync(this VarnaFactory factory, string email, string role, Guid? organisationId,
        string? password, string? displayName = null, Guid? representativeId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? email.Split('@')[0],
            OrganisationId = organisationId,
            RepresentativeId = representativeId,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    // An HTTP client that calls the API with a fresh personal token of the given account.
    public static async Task<HttpClient> ApiClientAsync(this VarnaFactory factory, string email)
    {
        var secret = await factory.WithDbAsync(null, db => IssueTokenAsync(db, email, "test"));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    // A personal API token for the account, written as `token create` writes it; returns the secret.
    public static async Task<string> IssueTokenAsync(Varna.Data.AppDbContext db, string email, string label)
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var (token, secret) = ApiToken.Issue(userId, label, DateTimeOffset.UtcNow);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return secret;
    }
}
