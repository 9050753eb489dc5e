using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Varna.Features.Keys;

// Wraps each data-protection key before it is written to the database, with AES-256-GCM under a key
// derived from the master key. The element names the master key's fingerprint, so a wrong or rotated
// master key is reported as exactly that instead of as a failed decryption somewhere later.
public sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    internal const string ElementName = "varnaWrappedKey";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] AssociatedData = "Varna.DataProtection.KeyWrap.v1"u8.ToArray();

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(masterKey.Derive(WrapPurpose), TagSize))
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData);
        CryptographicOperations.ZeroMemory(plaintext);

        var element = new XElement(ElementName,
            new XComment(" Wrapped with the Värna master key; see docs/security.md "),
            new XElement("masterKey", masterKey.Fingerprint),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. ciphertext])));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }

    internal const string WrapPurpose = "Varna.DataProtection.KeyWrap";

    internal static XElement Unwrap(XElement wrapped, MasterKey masterKey)
    {
        var madeWith = (string?)wrapped.Element("masterKey");
        if (madeWith != masterKey.Fingerprint)
            throw new MasterKeyMismatchException(madeWith ?? "(none)", masterKey);
        var bytes = Convert.FromBase64String((string?)wrapped.Element("value") ?? "");
        if (bytes.Length < NonceSize + TagSize) throw new CryptographicException("A wrapped key is truncated.");
        var plaintext = new byte[bytes.Length - NonceSize - TagSize];
        using (var aes = new AesGcm(masterKey.Derive(WrapPurpose), TagSize))
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize + TagSize), bytes.AsSpan(NonceSize, TagSize), plaintext, AssociatedData);
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
    }
}

// Data Protection creates decryptors by type name from the stored XML, with the app's services.
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        MasterKeyXmlEncryptor.Unwrap(encryptedElement, services.GetRequiredService<MasterKey>());
}

public sealed class MasterKeyMismatchException(string madeWith, MasterKey given) : Exception(
    $"The master key does not open this database's keys: they were wrapped with master key {madeWith}, " +
    $"and the key given ({given.Source}) is {given.Fingerprint}. Give the master key this database was made with " +
    "(after a master-key rotation, the new one). Nothing has been changed.");
