using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Varna.Features.Keys;

namespace Varna.Features.Audit;

// The caller's address as HMAC-SHA256 under a key of the organisation's own, and only for an
// organisation that chose to keep it (Settings.AuditIpHash). The same address gives the same hash
// within one organisation, so a DPO can see that two lines came from one place, but the hashes
// cannot be compared across organisations or reversed without the master key.
public sealed class AuditIpHasher(MasterKey masterKey, IServiceScopeFactory scopes, IMemoryCache cache)
{
    // Read once a minute per organisation rather than on every request; a changed setting is
    // forgotten at once on the node that saved it and within a minute on the others.
    private static readonly TimeSpan SettingLifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, byte[]> keys = new();

    public static string KeyPurpose(Guid organisationId) => "Varna.Audit.IpHash." + organisationId;

    public async Task<string?> HashAsync(Guid? organisationId, IPAddress? address, CancellationToken cancellationToken = default)
    {
        if (organisationId is not { } id || address is null) return null;
        if (!await KeepsHashAsync(id, cancellationToken)) return null;
        // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d; hash the address it really is.
        var text = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        var key = keys.GetOrAdd(id, org => masterKey.Derive(KeyPurpose(org)));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    public void Forget(Guid organisationId) => cache.Remove(CacheKey(organisationId));

    private async Task<bool> KeepsHashAsync(Guid organisationId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(CacheKey(organisationId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = SettingLifetime;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await db.Organisations.AsNoTracking().IgnoreQueryFilters()
                .Where(o => o.Id == organisationId).Select(o => o.Settings.AuditIpHash).SingleOrDefaultAsync(cancellationToken);
        });

    private static string CacheKey(Guid organisationId) => "audit-ip-hash:" + organisationId;
}
