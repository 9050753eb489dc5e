using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Varna.Features.Identity;

// A personal API token. Only a SHA-256 hash is stored: the token itself is shown once, at creation.
// A plain hash is enough because the token is 256 random bits, not a guessable password.
public sealed class ApiToken
{
    public const string Prefix = "varna_";

    private ApiToken() { }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public string Hint { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static (ApiToken Token, string Secret) Issue(Guid userId, string name, DateTimeOffset now)
    {
        var secret = Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name.Trim(),
            TokenHash = Hash(secret),
            Hint = secret[..(Prefix.Length + 4)] + "…",
            CreatedAt = now,
        };
        return (token, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
