using System.Security.Cryptography;

namespace Varna.Data.Backups;

// The file side of a backup: a temporary name next to the final one (so a half-written backup never
// carries the final name), owner-only permissions, and a `<file>.sha256` beside it in the format
// of sha256sum, which restore checks before it touches the database.
public static class BackupFiles
{
    public const string ChecksumSuffix = ".sha256";

    public static string TemporaryNameFor(string file) =>
        Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.partial");

    public static void RestrictToOwner(string file)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static async Task<string> Sha256Async(string file)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
    }

    // Moves the finished temporary file to its final name, then writes its checksum file.
    public static async Task<string> CompleteAsync(string temporary, string file, bool overwrite)
    {
        RestrictToOwner(temporary);
        var sha256 = await Sha256Async(temporary);
        File.Move(temporary, file, overwrite);
        await File.WriteAllTextAsync(file + ChecksumSuffix, $"{sha256}  {Path.GetFileName(file)}\n");
        return sha256;
    }

    public static void DeleteQuietly(string file)
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // Null when the file matches its checksum file or has none; otherwise what is wrong.
    public static async Task<string?> CheckAsync(string file)
    {
        var checksumFile = file + ChecksumSuffix;
        if (!File.Exists(checksumFile)) return null;
        var expected = (await File.ReadAllTextAsync(checksumFile)).Split(' ', 2)[0].Trim().ToLowerInvariant();
        var actual = await Sha256Async(file);
        return expected == actual
            ? null
            : $"its SHA-256 is {actual}, but {Path.GetFileName(checksumFile)} beside it says {expected}: the file is damaged or was changed after the backup";
    }
}
