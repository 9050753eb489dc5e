using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Varna.Tests.Users;

// Arranging accounts directly and posting forms with several values for one field (role checkboxes).
public static partial class UserTestKit
{
    public const string Password = "Valt-losen-2026!";

    public static async Task<Guid> CreateUserAsync(this VarnaFactory factory, string email, string organisation, string role, string? password = Password) =>
        (await factory.CreateAccountAsync(email, role, await factory.OrganisationIdAsync(organisation), password)).Id;

    public static async Task<T> WithUsersAsync<T>(this VarnaFactory factory, Func<UserManager<User>, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<User>>());
    }

    public static Task<User?> FindUserAsync(this VarnaFactory factory, string email) =>
        factory.WithUsersAsync(users => users.FindByEmailAsync(email));

    public static Task<IList<string>> RolesOfAsync(this VarnaFactory factory, string email) =>
        factory.WithUsersAsync(async users => await users.GetRolesAsync((await users.FindByEmailAsync(email))!));

    // Posts to `postUrl` with the antiforgery token of the first post form on `tokenPageUrl`.
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string tokenPageUrl, string postUrl,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync(tokenPageUrl);
        var token = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]") as IHtmlInputElement
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPageUrl}.");
        var values = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token.Value) };
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> InviteAsync(this HttpClient client, string email, string name, params string[] roles) =>
        client.PostAsync("/admin/anvandare/ny", "/admin/anvandare/ny",
            [new("Input.Email", email), new("Input.DisplayName", name), .. roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r))]);

    public static Task<HttpResponseMessage> EditAsync(this HttpClient client, Guid id, string name, params string[] roles) =>
        client.PostAsync($"/admin/anvandare/{id}", $"/admin/anvandare/{id}",
            [new("Input.DisplayName", name), new("Input.RepresentativeId", ""), .. roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r))]);

    public static string[] MailsTo(this VarnaFactory factory, string email) =>
        factory.SentMail().Select(Parse).Where(m => m.To.Mailboxes.Any(a => a.Address == email)).Select(m => m.TextBody ?? "").ToArray();

    public static string InvitationLink(string mailBody)
    {
        var match = LinkPattern().Match(mailBody);
        Assert.True(match.Success, "No set-password link in: " + mailBody);
        return match.Value;
    }

    private static MimeMessage Parse(string eml) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(eml)));

    [GeneratedRegex(@"http://localhost/konto/valj-losenord\?\S+")]
    private static partial Regex LinkPattern();
}
