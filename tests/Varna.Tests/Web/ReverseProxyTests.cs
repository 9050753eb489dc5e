using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Varna.Tests.Web;

// Behind a load balancer: X-Forwarded-For/-Proto count only when they come from a configured proxy.
public sealed class ReverseProxyTests(ReverseProxyTests.BehindProxyFactory factory) : IClassFixture<ReverseProxyTests.BehindProxyFactory>
{
    private const string Proxy = "10.20.0.5";

    public sealed class BehindProxyFactory : VarnaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ReverseProxy:KnownProxies:0", Proxy);
            builder.UseSetting("RateLimits:Health:PermitLimit", "2");
            builder.UseSetting("RateLimits:Health:WindowSeconds", "3600");
        }

        protected override void ConfigureTestServices(IServiceCollection services) => ClientAddressFromHeader.Register(services);
    }

    private async Task<HttpResponseMessage> HealthAsync(string connectedFrom, string forwardedFor, string? proto = null)
    {
        var client = factory.PageClientAt(connectedFrom);
        var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null) request.Headers.Add("X-Forwarded-Proto", proto);
        // HSTS is never sent for localhost (the framework's rule); a real site has a real name.
        request.Headers.Host = "varna.kommun.example";
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Through_the_proxy_each_client_address_has_its_own_rate_limit()
    {
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(Proxy, "192.0.2.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(Proxy, "192.0.2.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await HealthAsync(Proxy, "192.0.2.1")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(Proxy, "192.0.2.2")).StatusCode);
    }

    [Fact]
    public async Task A_client_that_is_not_the_proxy_cannot_choose_its_address_by_header()
    {
        const string direct = "198.51.100.7";
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(direct, "192.0.2.10")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(direct, "192.0.2.11")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await HealthAsync(direct, "192.0.2.12")).StatusCode);
    }

    [Fact]
    public async Task Https_at_the_proxy_gets_HSTS_but_a_forged_scheme_from_elsewhere_does_not()
    {
        var viaProxy = await HealthAsync(Proxy, "192.0.2.20", proto: "https");
        var forged = await HealthAsync("198.51.100.8", "192.0.2.21", proto: "https");

        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"));
        Assert.False(forged.Headers.Contains("Strict-Transport-Security"));
    }
}
