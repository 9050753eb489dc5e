using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Varna.Features.Keys;

// Writes every encrypted column again with the current key: after a rotation, when old keys should
// stop protecting anything, and for values stored before encryption was switched on. Reads go
// through the converters (any key in the ring), writes seal with the newest one. Page by page, each
// page its own transaction, so a stopped run is simply started again.
public sealed class Reencryption(AppDbContext db, FieldProtection protection)
{
    private const int PageSize = 200;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var rows = 0;
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && HoldsEncrypted(e)))
        {
            var method = PageMethod.MakeGenericMethod(entity.ClrType);
            for (var page = 0; ; page++)
            {
                var count = await (Task<int>)method.Invoke(this, [entity, page, cancellationToken])!;
                rows += count;
                if (count < PageSize) break;
            }
        }
        return rows;
    }

    private static readonly MethodInfo PageMethod =
        typeof(Reencryption).GetMethod(nameof(RewritePageAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private async Task<int> RewritePageAsync<T>(IEntityType entity, int page, CancellationToken cancellationToken) where T : class
    {
        var key = entity.FindPrimaryKey()!.Properties;
        IQueryable<T> query = db.Set<T>().IgnoreQueryFilters();
        var ordered = query.OrderBy(e => EF.Property<object>(e, key[0].Name));
        foreach (var next in key.Skip(1)) ordered = ordered.ThenBy(e => EF.Property<object>(e, next.Name));
        var loaded = await ordered.Skip(page * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            foreach (var property in entry.Properties.Where(p => IsEncrypted(p.Metadata)))
                property.IsModified = true;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return loaded.Count;
    }

    private bool HoldsEncrypted(IEntityType entity) =>
        entity.GetProperties().Any(IsEncrypted) ||
        entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned() && HoldsEncrypted(n.TargetEntityType));

    private bool IsEncrypted(IReadOnlyProperty property) => property.GetValueConverter() is { } converter &&
        (ReferenceEquals(converter, protection.StringConverter) || ReferenceEquals(converter, protection.BytesConverter) ||
         ReferenceEquals(converter, protection.ListConverter));
}
