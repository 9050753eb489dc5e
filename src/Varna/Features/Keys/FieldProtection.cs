using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Varna.Features.Keys;

// Authenticated encryption of the sensitive columns (descriptions, identifiers, messages, notes,
// evidence bytes), through ASP.NET Core Data Protection with the keys in the database. Columns are
// marked in their configuration with IsEncrypted(); AppDbContext gives them these converters, so
// handlers read and write plain values and the database only ever sees ciphertext.
public sealed class FieldProtection(IDataProtectionProvider provider)
{
    // Stored text starts with this, so a value written before encryption was switched on still reads
    // (and is sealed by `keys reencrypt`).
    public const string Marker = "enc1:";
    private const string Purpose = "Varna.AtRest.v1";
    // Every Data Protection payload starts with this magic header (0x09F0C9F0).
    private static readonly byte[] PayloadHeader = [0x09, 0xF0, 0xC9, 0xF0];

    private readonly Lazy<IDataProtector> protector = new(() => provider.CreateProtector(Purpose));

    public string Seal(string plain) => Marker + protector.Value.Protect(plain);

    public string Open(string stored) =>
        stored.StartsWith(Marker, StringComparison.Ordinal) ? protector.Value.Unprotect(stored[Marker.Length..]) : stored;

    public byte[] Seal(byte[] plain) => protector.Value.Protect(plain);

    public byte[] Open(byte[] stored) =>
        stored.AsSpan().StartsWith(PayloadHeader) ? protector.Value.Unprotect(stored) : stored;

    internal ValueConverter StringConverter => stringConverter ??=
        new ValueConverter<string, string>(v => Seal(v), v => Open(v));

    internal ValueConverter BytesConverter => bytesConverter ??=
        new ValueConverter<byte[], byte[]>(v => Seal(v), v => Open(v));

    // A list (perpetrator identifiers) is sealed as one JSON array.
    internal ValueConverter ListConverter => listConverter ??=
        new ValueConverter<List<string>, string>(v => Seal(JsonSerializer.Serialize(v, JsonOptions)), v => ReadList(Open(v)));

    // Compared by content, so a change of the bytes is saved and a re-read is not taken for one.
    internal static readonly ValueComparer<byte[]> BytesComparer = new(
        (a, b) => System.Collections.StructuralComparisons.StructuralEqualityComparer.Equals(a, b),
        v => v.Length,
        v => v.ToArray());

    internal static readonly ValueComparer<List<string>> ListComparer = new(
        (a, b) => a != null && b != null ? a.SequenceEqual(b) : a == b,
        v => v.Aggregate(0, (hash, s) => HashCode.Combine(hash, s.GetHashCode())),
        v => v.ToList());

    private ValueConverter? stringConverter;
    private ValueConverter? bytesConverter;
    private ValueConverter? listConverter;
    private static readonly JsonSerializerOptions JsonOptions = new();

    private static List<string> ReadList(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json, JsonOptions) ?? [];
}
