using System.ComponentModel.DataAnnotations;

namespace Varna.Features.Cases;

public sealed class LinkInput
{
    [Display(Name = "Field.CaseReference")]
    public string? Reference { get; set; }
    [Display(Name = "Field.LinkReason")]
    public string? Reason { get; set; }
    [Display(Name = "Field.LinkNote")]
    public string? Note { get; set; }
}

public sealed class MergeInput
{
    [Display(Name = "Field.MergeTarget")]
    public string? Reference { get; set; }
    [Display(Name = "Field.MergeConfirmed")]
    public bool Confirmed { get; set; }
}

// The other case, by the reference an officer reads aloud ("DEMO-2026-0003") or, for programs, its id.
public sealed record OtherCase(string? Reference, Guid? CaseId);

// Linking and merging, shared by the page and the API. Both cases are loaded into the same context
// and saved together, so each gets its timeline line or neither does.
public static class CaseLinking
{
    public static Task<Result<Case>?> LinkAsync(AppDbContext db, CaseChanges changes, Guid id, int? version, OtherCase other,
        string? reason, string? note, Guid actor, CancellationToken cancellationToken) =>
        changes.ApplyAsync(id, version, async @case =>
        {
            var errors = new List<Error>();
            if (string.IsNullOrWhiteSpace(reason)) errors.Add(new Error(nameof(LinkInput.Reason), "Case.LinkReasonRequired"));
            var linkReason = CodeInput.Optional<LinkReason>(reason, nameof(LinkInput.Reason), errors) ?? default;
            var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if (trimmed?.Length > Case.MaxReasonLength) errors.Add(new Error(nameof(LinkInput.Note), "Validation.TooLong", Case.MaxReasonLength));
            var found = await FindAsync(db, @case, other, errors, cancellationToken);
            if (found is not null && await AlreadyLinkedAsync(db, @case, found, cancellationToken))
                errors.Add(new Error(FieldOf(other), "Case.AlreadyLinked", found.Reference));
            if (errors.Count > 0) return Result<Case>.Fail(errors);

            var now = changes.Now;
            var code = Codes.Of(linkReason);
            db.CaseLinks.Add(CaseLink.Between(@case, found!, linkReason, trimmed, actor, now));
            // From holds the reason's code and To the other case's reference as it reads today.
            @case.Record(CaseEventKind.Linked, actor, now, from: code, to: found!.Reference, text: trimmed, relatedId: found.Id);
            found.Record(CaseEventKind.Linked, actor, now, from: code, to: @case.Reference, text: trimmed, relatedId: @case.Id);
            return Result<Case>.Ok(@case);
        }, cancellationToken);

    // Closes this case as merged and hands its reports to the target; the result is the target.
    // Measures, assessments and follow-ups stay with the closed case as its history.
    public static Task<Result<Case>?> MergeAsync(AppDbContext db, CaseChanges changes, Guid id, int? version, OtherCase other,
        Guid actor, CancellationToken cancellationToken) =>
        changes.ApplyAsync(id, version, async @case =>
        {
            var errors = new List<Error>();
            var target = await FindAsync(db, @case, other, errors, cancellationToken);
            if (errors.Count > 0) return Result<Case>.Fail(errors);
            var merged = @case.MergeInto(target!, actor, changes.Now);
            if (!merged.Succeeded) return merged;
            foreach (var report in await db.Reports.Where(r => r.CaseId == @case.Id).ToListAsync(cancellationToken))
                report.MoveTo(target!);
            return merged;
        }, cancellationToken);

    private static async Task<Case?> FindAsync(AppDbContext db, Case @case, OtherCase other, List<Error> errors, CancellationToken cancellationToken)
    {
        Case? found;
        if (other.CaseId is { } otherId)
        {
            found = await db.Cases.SingleOrDefaultAsync(c => c.Id == otherId && c.OrganisationId == @case.OrganisationId, cancellationToken);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(other.Reference))
            {
                errors.Add(new Error(nameof(LinkInput.Reference), "Case.ReferenceRequired"));
                return null;
            }
            // References are upper-case ("DEMO-2026-0003"); an officer may type them in any case.
            var reference = other.Reference.Trim().ToUpperInvariant();
            found = await db.Cases.SingleOrDefaultAsync(c => c.Reference == reference && c.OrganisationId == @case.OrganisationId, cancellationToken);
        }
        // Another organisation's case reads exactly like one that does not exist.
        if (found is null) errors.Add(new Error(FieldOf(other), "Case.UnknownReference", Shorten(other.Reference ?? other.CaseId?.ToString())));
        else if (found.Id == @case.Id) errors.Add(new Error(FieldOf(other), "Case.LinkSelf"));
        return found is null || found.Id == @case.Id ? null : found;
    }

    private static Task<bool> AlreadyLinkedAsync(AppDbContext db, Case a, Case b, CancellationToken cancellationToken) =>
        db.CaseLinks.AnyAsync(l => (l.CaseId == a.Id && l.LinkedCaseId == b.Id) || (l.CaseId == b.Id && l.LinkedCaseId == a.Id), cancellationToken);

    private static string FieldOf(OtherCase other) => other.CaseId is not null ? "CaseId" : nameof(LinkInput.Reference);

    private static string Shorten(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "…" : text.Trim();
}
