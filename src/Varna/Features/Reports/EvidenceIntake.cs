using Microsoft.Extensions.Options;

namespace Varna.Features.Reports;

public enum RefusalReason { TooLarge, ReportFull, TypeNotAllowed, Empty }

public sealed record RefusedFile(string FileName, RefusalReason Reason);

public sealed record EvidenceOutcome(IReadOnlyList<Evidence> Accepted, IReadOnlyList<RefusedFile> Refused);

// Takes files, pasted text and links for a report. Each accepted piece is committed on its own, so
// a refused or failing file never costs the report or the files that came before it.
public sealed class EvidenceIntake(AppDbContext db, TimeProvider time, IOptions<ReportsOptions> options)
{
    public const int MaxLinks = 50;
    public const int MaxFileNameLength = 255;

    public async Task<EvidenceOutcome> AddFilesAsync(Report report, Guid addedBy, IEnumerable<IFormFile> files, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var stored = await StoredBytesAsync(report.Id, cancellationToken);
        var accepted = new List<Evidence>();
        var refused = new List<RefusedFile>();
        foreach (var file in files)
        {
            var name = CleanFileName(file.FileName);
            if (file.Length == 0) { refused.Add(new(name, RefusalReason.Empty)); continue; }
            if (file.Length > limits.MaxFileBytes) { refused.Add(new(name, RefusalReason.TooLarge)); continue; }
            if (stored + file.Length > limits.MaxReportBytes) { refused.Add(new(name, RefusalReason.ReportFull)); continue; }

            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            var contentType = ContentSniffer.Detect(bytes);
            if (contentType is null) { refused.Add(new(name, RefusalReason.TypeNotAllowed)); continue; }

            var evidence = Evidence.FromBytes(report, EvidenceKind.File, name, contentType, bytes, addedBy, time.GetUtcNow());
            await SaveAsync(evidence, cancellationToken);
            stored += bytes.LongLength;
            accepted.Add(evidence);
        }
        return new EvidenceOutcome(accepted, refused);
    }

    public async Task<Result<IReadOnlyList<Evidence>>> AddTextAndLinksAsync(Report report, Guid addedBy, string? pastedText,
        IEnumerable<string?>? links, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var text = string.IsNullOrWhiteSpace(pastedText) ? null : pastedText.Trim();
        if (text is not null && text.Length > Report.MaxDescriptionLength)
            errors.Add(new Error("Text", "Validation.TooLong", Report.MaxDescriptionLength));
        var urls = ParseLinks(links, errors);
        if (errors.Count > 0) return Result<IReadOnlyList<Evidence>>.Fail(errors);

        var now = time.GetUtcNow();
        var evidence = new List<Evidence>();
        if (text is not null)
            evidence.Add(Evidence.FromBytes(report, EvidenceKind.Text, null, "text/plain; charset=utf-8",
                System.Text.Encoding.UTF8.GetBytes(text), addedBy, now));
        evidence.AddRange(urls.Select(u => Evidence.FromLink(report, u, addedBy, now)));
        if (evidence.Count == 0) return Result<IReadOnlyList<Evidence>>.Ok([]);

        if (await StoredBytesAsync(report.Id, cancellationToken) + evidence.Sum(e => e.Size) > options.Value.MaxReportBytes)
            return new Error("Text", "Evidence.ReportFull");
        db.Evidence.AddRange(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<Evidence>>.Ok(evidence);
    }

    // Only web addresses: a "javascript:" or "file:" link would be a trap for the officer who clicks it.
    private static List<Uri> ParseLinks(IEnumerable<string?>? links, List<Error> errors)
    {
        var values = (links ?? []).Select(l => l?.Trim()).Where(l => !string.IsNullOrEmpty(l)).Select(l => l!).Distinct().ToList();
        if (values.Count > MaxLinks) { errors.Add(new Error("Links", "Evidence.TooManyLinks", MaxLinks)); return []; }
        var urls = new List<Uri>();
        foreach (var value in values)
        {
            if (value.Length <= 2000 && Uri.TryCreate(value, UriKind.Absolute, out var url)
                && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(url.Host))
                urls.Add(url);
            else
                errors.Add(new Error("Links", "Evidence.LinkInvalid", value.Length > 60 ? value[..60] + "…" : value));
        }
        return urls;
    }

    private async Task SaveAsync(Evidence evidence, CancellationToken cancellationToken)
    {
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        // The bytes are not needed again in this request; let them go.
        db.Entry(evidence).State = EntityState.Detached;
        if (evidence.Content is not null) db.Entry(evidence.Content).State = EntityState.Detached;
    }

    private Task<long> StoredBytesAsync(Guid reportId, CancellationToken cancellationToken) =>
        db.Evidence.Where(e => e.ReportId == reportId).SumAsync(e => e.Size, cancellationToken);

    // Keeps the name a person gave the file, without any path a browser or client sent along.
    private static string CleanFileName(string? name)
    {
        name = Path.GetFileName((name ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "fil";
        return name.Length > MaxFileNameLength ? name[^MaxFileNameLength..] : name;
    }
}
