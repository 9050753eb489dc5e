using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Varna.Features.Identity;

// A signed-in browser session kept on the server: the cookie carries only the session's key, so
// signing out (or an administrator ending it) ends it for real, on every node.
public sealed class UserSession
{
    private UserSession() { }

    public string Id { get; private set; } = "";
    public Guid UserId { get; private set; }
    // The serialised authentication ticket, encrypted at rest (it holds the user's claims).
    public byte[] Ticket { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }

    public static UserSession Start(Guid userId, byte[] ticket, DateTimeOffset? expiresAt, DateTimeOffset now) => new()
    {
        Id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        UserId = userId,
        Ticket = ticket,
        CreatedAt = now,
        LastSeenAt = now,
        ExpiresAt = expiresAt,
    };

    public void Renew(byte[] ticket, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        Ticket = ticket;
        ExpiresAt = expiresAt;
        LastSeenAt = now;
    }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("user_sessions");
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.Ticket).IsRequired().IsEncrypted();
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.ExpiresAt);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
