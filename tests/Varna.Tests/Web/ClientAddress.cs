using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Varna.Tests.Web;

// The in-memory test server has no client address. This stands in for the network: a test names
// the address its client "comes from" in a header, and the app sees it as the connection's.
public sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            await following(context);
        });
        next(app);
    };

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
}

public static class ClientAddress
{
    public static HttpClient PageClientAt(this VarnaFactory factory, string address)
    {
        var client = factory.CreatePageClient();
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    public static async Task<HttpClient> SignedInAtAsync(this VarnaFactory factory, string address, string email)
    {
        var client = factory.PageClientAt(address);
        var response = await client.SubmitFormAsync("/konto/logga-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Demo.Password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {response.StatusCode}");
        return client;
    }
}
