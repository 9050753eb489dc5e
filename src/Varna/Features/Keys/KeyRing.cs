using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Varna.Features.Keys;

// The data-protection keys as stored rows: checked against the master key at every start, wrapped
// when found bare (made before the master key existed), and re-wrapped when the master key rotates.
public sealed class KeyRing(AppDbContext db, MasterKey masterKey, IKeyManager keys, TimeProvider time, ILogger<KeyRing> logger)
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);
    // A successor is made this long before the current key expires, active two days later, so that
    // every node has read it before anyone encrypts with it.
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(14);
    private static readonly TimeSpan Propagation = TimeSpan.FromDays(2);

    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";

    // Refuses to go on (StartupRefusedException) when any stored key cannot be opened with the
    // master key given, before anything is read or written with a key ring that is half usable.
    public async Task VerifyAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.DataProtectionKeys.ToListAsync(cancellationToken);
        var wrapped = 0;
        foreach (var row in rows)
        {
            var xml = Parse(row);
            foreach (var secret in xml.Descendants(EncryptedSecret).ToList())
                Open(secret, masterKey, row.FriendlyName);
            if (Wrap(xml, new MasterKeyXmlEncryptor(masterKey)) > 0)
            {
                row.Xml = xml.ToString(SaveOptions.DisableFormatting);
                wrapped++;
            }
        }
        if (wrapped > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Wrapped {Count} data-protection keys that were stored without the master key", wrapped);
        }
        EnsureCurrentKey();
    }

    // Makes the first key of a new database at once, and a successor when the current key nears its end.
    public void EnsureCurrentKey()
    {
        var now = time.GetUtcNow();
        var usable = keys.GetAllKeys().Where(k => !k.IsRevoked && k.ActivationDate <= now + Propagation && k.ExpirationDate > now).ToList();
        if (usable.Count == 0)
        {
            var first = keys.CreateNewKey(now, now + KeyLifetime);
            logger.LogInformation("Made data-protection key {KeyId}", first.KeyId);
        }
        else if (usable.Max(k => k.ExpirationDate) - now < RenewBefore)
        {
            var next = keys.CreateNewKey(now + Propagation, now + Propagation + KeyLifetime);
            logger.LogInformation("Made data-protection key {KeyId}, active from {Activation}", next.KeyId, now + Propagation);
        }
    }

    // Opens every key with the current master key and wraps it again with the next one, in one save.
    public async Task<int> RewrapAsync(MasterKey next, CancellationToken cancellationToken = default)
    {
        await VerifyAsync(cancellationToken);
        var rows = await db.DataProtectionKeys.ToListAsync(cancellationToken);
        var encryptor = new MasterKeyXmlEncryptor(next);
        foreach (var row in rows)
        {
            var xml = Parse(row);
            foreach (var secret in xml.Descendants(EncryptedSecret).ToList())
                secret.ReplaceWith(Open(secret, masterKey, row.FriendlyName));
            Wrap(xml, encryptor);
            row.Xml = xml.ToString(SaveOptions.DisableFormatting);
        }
        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    private static XElement Parse(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey row)
    {
        try
        {
            return XElement.Parse(row.Xml ?? "");
        }
        catch (System.Xml.XmlException)
        {
            throw new StartupRefusedException($"Data-protection key {row.FriendlyName} in the database is not readable XML; the key table is damaged. Restore it from a backup.");
        }
    }

    private static XElement Open(XElement secret, MasterKey key, string? keyName)
    {
        var wrappedKey = secret.Element(MasterKeyXmlEncryptor.ElementName)
            ?? throw new StartupRefusedException($"Data-protection key {keyName} is encrypted by something other than the Värna master key; it cannot be opened here.");
        try
        {
            return MasterKeyXmlEncryptor.Unwrap(wrappedKey, key);
        }
        catch (MasterKeyMismatchException e)
        {
            throw new StartupRefusedException("Värna will not start: " + e.Message);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or System.Xml.XmlException)
        {
            throw new StartupRefusedException($"Värna will not start: data-protection key {keyName} is named as wrapped with this master key but does not open with it; the stored key is damaged. Restore the key table from a backup. Nothing has been changed.");
        }
    }

    // Replaces each bare secret with the form Data Protection itself writes for an encrypted one.
    private static int Wrap(XElement xml, MasterKeyXmlEncryptor encryptor)
    {
        var bare = xml.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
        foreach (var element in bare)
        {
            var info = encryptor.Encrypt(element);
            element.ReplaceWith(new XElement(EncryptedSecret,
                new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!),
                info.EncryptedElement));
        }
        return bare.Count;
    }
}
