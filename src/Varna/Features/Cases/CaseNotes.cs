using System.ComponentModel.DataAnnotations;

namespace Varna.Features.Cases;

public sealed class NoteInput
{
    [Display(Name = "Field.Note")]
    public string? Text { get; set; }
}

// Internal notes: a timeline line with the officer's text. Only officers read the timeline, so a
// note never reaches the reporter. A note overwrites nothing, so it needs no version check.
public static class CaseNotes
{
    public static async Task<Result<CaseEvent>?> AddAsync(AppDbContext db, CaseChanges changes, Guid id, string? text, Guid actor,
        CancellationToken cancellationToken) =>
        await changes.ApplyAsync(id, null, @case =>
        {
            var trimmed = text?.Trim() ?? "";
            if (trimmed.Length == 0) return new Error(nameof(NoteInput.Text), "Case.NoteRequired");
            if (trimmed.Length > CaseEvent.MaxTextLength) return new Error(nameof(NoteInput.Text), "Case.NoteTooLong", CaseEvent.MaxTextLength);
            @case.Record(CaseEventKind.NoteAdded, actor, changes.Now, text: trimmed);
            return Result<CaseEvent>.Ok(@case.Events.Last());
        }, cancellationToken);
}
