using System.Security.Cryptography;

namespace Varna.Features.Keys;

// The one secret that is not in the database: it wraps the data-protection keys that are (see
// MasterKeyXmlEncryptor). Supplied as VARNA_MASTER_KEY (base64 of 32 random bytes) or as a file
// named by Security:MasterKeyFile. Outside Production, when neither is given, one is made under
// data/ so that `dotnet run` works on a fresh clone; Production refuses to start instead.
public sealed class MasterKey
{
    public const string EnvironmentVariable = "VARNA_MASTER_KEY";
    public const string FileSetting = "Security:MasterKeyFile";
    public const string GeneratedFile = "data/master.key";
    public const int Length = 32;

    private readonly byte[] key;

    public MasterKey(byte[] key, string source)
    {
        if (key.Length != Length) throw new ArgumentException($"A master key is {Length} bytes.", nameof(key));
        this.key = key;
        Source = source;
        // Names the key without revealing it, so a mismatch can be reported ("made with a1b2…, given c3d4…").
        Fingerprint = Convert.ToHexStringLower(HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 8, info: "Varna.MasterKey.Fingerprint"u8.ToArray()));
    }

    public string Fingerprint { get; }
    public string Source { get; }

    // A key for one purpose, so the master key itself is used for one thing only (wrapping).
    public byte[] Derive(string purpose, int length = 32) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, length, info: System.Text.Encoding.UTF8.GetBytes(purpose));

    public static string NewEncoded() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Length));

    public static string HowToMakeOne =>
        $"Make one with `dotnet run --project src/Varna -- keys new-master` (or `openssl rand -base64 32`), keep it outside the database " +
        $"and its backups, and give it as the environment variable {EnvironmentVariable} or as a file named by {FileSetting}. See docs/security.md.";

    public static MasterKey Load(IConfiguration config, IHostEnvironment environment)
    {
        var encoded = config[EnvironmentVariable];
        if (!string.IsNullOrWhiteSpace(encoded)) return Decode(encoded, EnvironmentVariable);

        var file = config[FileSetting];
        if (!string.IsNullOrWhiteSpace(file))
        {
            var path = Path.GetFullPath(file, environment.ContentRootPath);
            if (!File.Exists(path))
                throw new MasterKeyException($"{FileSetting} names {path}, which does not exist. {HowToMakeOne}");
            return Decode(File.ReadAllText(path), path);
        }

        if (environment.IsProduction())
            throw new MasterKeyException($"No master key: {EnvironmentVariable} and {FileSetting} are both unset. {HowToMakeOne}");
        return LoadOrCreateGenerated(Path.GetFullPath(GeneratedFile, environment.ContentRootPath));
    }

    private static MasterKey LoadOrCreateGenerated(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                // CreateNew: when two processes start at once, one writes and the other reads it.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.Write(NewEncoded());
                if (!OperatingSystem.IsWindows())
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(path);
            if (text.Trim().Length > 0 || attempt == 20) return Decode(text, path);
            Thread.Sleep(50); // the other process is still writing it
        }
    }

    private static MasterKey Decode(string encoded, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(encoded.Trim());
        }
        catch (FormatException)
        {
            throw new MasterKeyException($"The master key from {source} is not base64. {HowToMakeOne}");
        }
        if (bytes.Length != Length)
            throw new MasterKeyException($"The master key from {source} is {bytes.Length} bytes; it must be {Length}. {HowToMakeOne}");
        return new MasterKey(bytes, source);
    }
}

public sealed class MasterKeyException(string message) : Exception(message);
