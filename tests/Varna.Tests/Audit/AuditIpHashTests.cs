using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Varna.Features.Audit;

namespace Varna.Tests.Audit;

// Every request comes from one known address, which the test server does not otherwise give.
public sealed class FixedAddressFactory : VarnaFactory
{
    public static readonly IPAddress Address = IPAddress.Parse("203.0.113.47");

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter>(new FromAddress());

    private sealed class FromAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = Address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class AuditIpHashTests(FixedAddressFactory factory) : IClassFixture<FixedAddressFactory>
{
    [Fact]
    public async Task The_address_is_kept_only_as_the_organisations_keyed_hash_and_only_once_the_admin_turns_it_on()
    {
        var org = await factory.OrganisationIdAsync("Demo kommun");
        var officerId = await factory.UserIdAsync(Demo.Officer);
        var (caseId, _, _, _) = await factory.CaseWithEvidenceAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        await officer.GetPageAsync($"/arenden/{caseId}");

        var admin = await factory.SignedInAsync(Demo.Admin);
        var saved = await admin.SubmitFormAsync("/admin/installningar", new Dictionary<string, string> { ["Input.AuditIpHash"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("checked", (await admin.GetPageAsync("/admin/installningar")).QuerySelector("#Input_AuditIpHash")!.GetAttribute("checked"));
        await officer.GetPageAsync($"/arenden/{caseId}");

        var reads = await factory.AuditAsync(e => e.CaseId == caseId && e.ActorUserId == officerId && e.Action == AuditAction.CaseRead);
        Assert.Equal(2, reads.Count);
        Assert.Null(reads[0].IpHash);
        var key = new Varna.Features.Keys.MasterKey(Convert.FromBase64String(factory.MasterKey), "test");
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key.Derive("Varna.Audit.IpHash." + org), Encoding.UTF8.GetBytes("203.0.113.47")));
        Assert.Equal(expected, reads[1].IpHash);

        // Never the address itself, in any column of any line.
        var all = await factory.AuditAsync(e => true);
        Assert.DoesNotContain(all, e => new[] { e.ActorName, e.Target, e.Detail, e.IpHash }.Any(v => v?.Contains("203.0.113.47") == true));
    }
}
