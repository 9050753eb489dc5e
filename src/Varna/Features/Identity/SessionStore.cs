using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Varna.Features.Identity;

// Keeps the application cookie's ticket in user_sessions; the cookie carries only the session's key.
// So a signed-out or expired session is gone on every node at once, and a copied cookie stops
// working the moment its session ends. The row's ExpiresAt is the one rule: past it, the session is over.
public sealed class SessionStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<SessionOptions> options) : ITicketStore
{
    // Last use is written at most once a minute, not on every request.
    private static readonly TimeSpan TouchResolution = TimeSpan.FromMinutes(1);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var session = UserSession.Start(UserIdOf(ticket), TicketSerializer.Default.Serialize(ticket), ExpiresAt(ticket, now, now), now);
        await WithDbAsync(async db =>
        {
            db.UserSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
        });
        return session.Id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        WithDbAsync(async db =>
        {
            var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
            var now = time.GetUtcNow();
            // Ended meanwhile (signed out in another tab): it stays ended.
            if (session is null || session.ExpiresAt <= now) return;
            if (session.UserId != UserIdOf(ticket))
            {
                // Someone else signs in over this session: end it rather than hand it over.
                db.UserSessions.Remove(session);
            }
            else
            {
                session.Renew(TicketSerializer.Default.Serialize(ticket), ExpiresAt(ticket, session.CreatedAt, now), now);
            }
            await db.SaveChangesAsync(cancellationToken);
        });

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        WithDbAsync(async db =>
        {
            var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
            if (session is null) return null;
            var now = time.GetUtcNow();
            if (session.ExpiresAt <= now)
            {
                await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
                return null;
            }
            var ticket = TicketSerializer.Default.Deserialize(session.Ticket);
            if (ticket is null) return null;
            var expiresAt = session.ExpiresAt;
            if (now - session.LastSeenAt >= TouchResolution)
            {
                expiresAt = ExpiresAt(ticket, session.CreatedAt, now);
                await db.UserSessions.Where(s => s.Id == key)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now).SetProperty(s => s.ExpiresAt, expiresAt), cancellationToken);
            }
            // The row decides, not the cookie handler's half-way sliding: idle means idle since the last use.
            ticket.Properties.ExpiresUtc = expiresAt;
            return ticket;
        });

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) =>
        WithDbAsync(db => db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken));

    public Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return WithDbAsync(db => db.UserSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken));
    }

    // Staff: idle timeout from the last use, never past the absolute limit from the start.
    // Representatives: sliding from the last use.
    private DateTimeOffset ExpiresAt(AuthenticationTicket ticket, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var o = options.Value;
        return SessionLifetime.IsStaff(ticket.Principal)
            ? Min(now + o.StaffIdleTimeout, createdAt + o.StaffAbsoluteTimeout)
            : now + o.RepresentativeSlidingTimeout;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static Guid UserIdOf(AuthenticationTicket ticket) =>
        Guid.Parse(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
            ?? throw new InvalidOperationException("A session ticket without a user id."));

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
