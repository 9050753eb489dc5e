using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Varna.Tests.Account;

namespace Varna.Tests.Identity;

public static class PasskeyClient
{
    public const string PageUrl = "/konto/losenordsnycklar";

    // Posts to a page handler as passkeys.js does: the page's antiforgery token and the given fields.
    public static async Task<HttpResponseMessage> PostHandlerAsync(this HttpClient client, string pageUrl, string handler,
        IDictionary<string, string>? fields = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken(),
        };
        return await client.PostAsync($"{pageUrl}?handler={handler}", new FormUrlEncodedContent(values));
    }

    public static async Task<JsonNode> OptionsAsync(this HttpClient client, string pageUrl, string handler)
    {
        var response = await client.PostHandlerAsync(pageUrl, handler);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    // What the page does with passkeys.js and the browser: options, the authenticator, then the form.
    public static async Task<HttpResponseMessage> AddPasskeyAsync(this HttpClient client, SoftwareAuthenticator authenticator, string name)
    {
        var options = await client.OptionsAsync(PageUrl, "Options");
        var credential = authenticator.Create(options.ToJsonString());
        return await client.PostHandlerAsync(PageUrl, "Add", new Dictionary<string, string> { ["Add.Name"] = name, ["Add.Credential"] = credential });
    }

    public static async Task<HttpResponseMessage> SignInWithPasskeyAsync(this HttpClient client, SoftwareAuthenticator authenticator)
    {
        var options = await client.OptionsAsync("/konto/logga-in", "PasskeyOptions");
        return await client.PostHandlerAsync("/konto/logga-in", "Passkey", new Dictionary<string, string> { ["credential"] = authenticator.Get(options.ToJsonString()) });
    }
}
