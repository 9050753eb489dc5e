using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Varna.Features.Audit;

// What the audit log records. Stable snake_case codes, like every code in the database.
public enum AuditAction
{
    SignIn,
    SignInFailed,
    SignOut,
    TwoFactorChanged,
    PasskeyChanged,
    RoleChanged,
    CaseRead,
    CaseChanged,
    Export,
    Download,
    RetentionErased,
    SubjectAccessExport,
    Erasure,
    KeysRotated,
    SettingsChanged,
    AccountDeactivated,
    AccountReactivated,
    ExternalLoginLinked,
}

// One line of the append-only audit log. Lines form a hash chain per organisation (Chain = the
// organisation's id; Guid.Empty for events that belong to none, such as a failed sign-in for an
// unknown address): each holds the hash of the one before, so an edited or deleted line breaks the
// chain at that point (`-- audit verify`). Nothing here is ever updated or deleted.
public sealed class AuditEntry
{
    private AuditEntry() { }

    public Guid Chain { get; private set; }
    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public Guid? ActorUserId { get; private set; }
    // The address the actor used (for a failed sign-in, the address typed), kept as written then.
    public string? ActorName { get; private set; }
    public AuditAction Action { get; private set; }
    public Guid? CaseId { get; private set; }
    // What was touched, e.g. an evidence id, an export's name or a route.
    public string? Target { get; private set; }
    public string? Detail { get; private set; }
    // A keyed hash of the caller's IP address, only when the organisation keeps one.
    public string? IpHash { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    internal static AuditEntry Next(AuditRecord record, Guid chain, long sequence, string previousHash, DateTimeOffset now)
    {
        var entry = new AuditEntry
        {
            Chain = chain,
            Sequence = sequence,
            // Milliseconds: both databases keep them exactly, so the hash recomputes after a round trip.
            At = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
            OrganisationId = record.OrganisationId,
            ActorUserId = record.ActorUserId,
            ActorName = Trim(record.ActorName, 256),
            Action = record.Action,
            CaseId = record.CaseId,
            Target = Trim(record.Target, 400),
            Detail = Trim(record.Detail, 2000),
            IpHash = record.IpHash,
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    // The line's content, field by field with lengths, so no two different lines hash alike.
    public string ComputeHash()
    {
        var text = new StringBuilder("v1");
        foreach (var field in new[]
                 {
                     Chain.ToString(), Sequence.ToString(CultureInfo.InvariantCulture),
                     At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                     OrganisationId?.ToString(), ActorUserId?.ToString(), ActorName, Data.Codes.Of(Action),
                     CaseId?.ToString(), Target, Detail, IpHash, PreviousHash,
                 })
        {
            text.Append('|').Append(field?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(field);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string? Trim(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}

// What a caller asks the log to record; AuditLog fills in the chain, time and hashes.
public sealed record AuditRecord(
    AuditAction Action,
    Guid? OrganisationId,
    Guid? ActorUserId = null,
    string? ActorName = null,
    Guid? CaseId = null,
    string? Target = null,
    string? Detail = null,
    string? IpHash = null);
