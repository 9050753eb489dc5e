namespace Varna.Data.Backups;

// What a finished backup says about itself. Check names how the copy was verified.
public sealed record BackupResult(string File, long Bytes, string Sha256, IReadOnlyList<TableRows> Tables, string Check, IReadOnlyList<string> MasterKeys);

// An expected failure of a backup or restore (missing tool, damaged file, refused target): the CLI
// prints the message and exits with 1.
public sealed class BackupException(string message) : Exception(message);
