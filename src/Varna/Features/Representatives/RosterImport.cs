using System.Text;

namespace Varna.Features.Representatives;

// One problem in a roster file. Row is the line as a spreadsheet numbers it (header = 1);
// Row 0 is the file as a whole. MessageKey is looked up in RepresentativesText, then SharedText.
public sealed record RosterProblem(int Row, string? Column, string MessageKey, params object[] Arguments);

public sealed record RosterImportResult(int Representatives, int Mandates, int AlreadyPresent, IReadOnlyList<RosterProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
    public static RosterImportResult Failed(params RosterProblem[] problems) => new(0, 0, 0, problems);
}

// Reads a roster (one row per mandate, people matched by e-mail) and imports all of it or
// nothing. Independent of any page so the API or the CLI can call it as well.
public sealed partial class RosterImport(AppDbContext db, TimeProvider time)
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public async Task<RosterImportResult> ImportAsync(Stream content, CancellationToken cancellationToken = default)
    {
        if (db.CurrentOrganisationId is not { } organisationId)
            throw new InvalidOperationException("A roster is imported into the signed-in user's organisation; there is none.");

        var (text, fileProblem) = await ReadTextAsync(content, cancellationToken);
        if (fileProblem is not null) return RosterImportResult.Failed(fileProblem);

        var rows = Parse(text!, out var problems, out var names);
        if (problems.Count > 0) return RosterImportResult.Failed([.. problems]);
        if (rows.Count == 0) return RosterImportResult.Failed(new RosterProblem(0, null, "Import.NoRows"));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Representatives.Include(r => r.Mandates)
            .Where(r => r.Email != null).ToDictionaryAsync(r => r.Email!, cancellationToken);
        var result = Apply(organisationId, rows, existing, names);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return result;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<(string? Text, RosterProblem? Problem)> ReadTextAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) return (null, new RosterProblem(0, null, "Import.TooLarge", MaxBytes / (1024 * 1024)));
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return (null, new RosterProblem(0, null, "Import.Empty"));
        // A spreadsheet saved as .xlsx/.ods (a zip) or any binary file is not a CSV file.
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) || bytes.Contains((byte)0))
            return (null, new RosterProblem(0, null, "Import.NotCsv"));
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, new RosterProblem(0, null, "Import.NotUtf8"));
        }
    }
}
