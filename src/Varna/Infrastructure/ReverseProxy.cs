using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Varna.Infrastructure;

// Behind a load balancer every request arrives from the balancer's address over plain HTTP. The
// rate limits, the audit log's address hash and HSTS need the client's address and scheme, which
// the balancer sends as X-Forwarded-For/-Proto. Those headers are trusted only from the proxies
// named here: with none configured they are ignored, so a client cannot pick its own address.
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    // Addresses of the load balancers, e.g. ["10.0.0.5"].
    public string[] KnownProxies { get; set; } = [];

    // Networks the load balancers live in, in CIDR form, e.g. ["10.0.0.0/24"].
    public string[] KnownNetworks { get; set; } = [];

    // How many proxies in a row may add to X-Forwarded-For (a CDN in front of the balancer: 2).
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

public static class ReverseProxy
{
    // Refuses to start on an address or network it cannot read, rather than trusting too little or too much.
    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new();
        var proxies = options.KnownProxies.Select(p => IPAddress.TryParse(p, out var address) ? address
            : throw new StartupRefusedException($"ReverseProxy:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = options.KnownNetworks.Select(n => IPNetwork.TryParse(n, out var network) ? network
            : throw new StartupRefusedException($"ReverseProxy:KnownNetworks: '{n}' is not a network in CIDR form (e.g. 10.0.0.0/24).")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = options.ForwardLimit;
            // The defaults trust loopback; only what the operator names is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        builder.Services.AddSingleton(options);
        return builder;
    }

    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ReverseProxyOptions>().Enabled) app.UseForwardedHeaders();
        return app;
    }
}
