namespace Varna.Features.Cases;

// new -> assessing -> measures -> follow_up -> closed. Steps may be skipped (a record-only report
// can be closed at once) but never taken back, except by reopening with a reason.
public sealed partial class Case
{
    public Result<Case> MoveTo(CaseStatus to, Guid actor, DateTimeOffset now)
    {
        if (to == CaseStatus.Closed) return new Error("Status", "Case.CloseNeedsOutcome");
        if (to <= Status) return NotAllowed(to);
        var previous = Status;
        Status = to;
        Changed(now);
        Record(CaseEventKind.StatusChanged, actor, now, from: Codes.Of(previous), to: Codes.Of(to));
        return Result<Case>.Ok(this);
    }

    // Moves a new case on to assessing when the officer starts assessing it; later statuses stay.
    internal void StartAssessing(Guid actor, DateTimeOffset now)
    {
        if (Status == CaseStatus.New) MoveTo(CaseStatus.Assessing, actor, now);
    }

    public Result<Case> Close(CaseOutcome? outcome, string? note, bool reporterInformed, Guid actor, DateTimeOffset now)
    {
        if (IsClosed) return NotAllowed(CaseStatus.Closed);
        var errors = new List<Error>();
        if (outcome is null) errors.Add(new Error("Outcome", "Validation.Required"));
        if (!reporterInformed) errors.Add(new Error("ReporterInformed", "Case.ReporterMustBeInformed"));
        if (ReasonError("OutcomeNote", note, required: outcome == CaseOutcome.Other) is { } error) errors.Add(error);
        if (errors.Count > 0) return Result<Case>.Fail(errors);
        var previous = Status;
        CloseAs(outcome!.Value, Trimmed(note), now);
        ReporterInformedAt = now;
        Record(CaseEventKind.Closed, actor, now, from: Codes.Of(previous), to: Codes.Of(outcome.Value), text: OutcomeNote);
        return Result<Case>.Ok(this);
    }

    public Result<Case> Reopen(CaseStatus to, string? reason, Guid actor, DateTimeOffset now)
    {
        if (!IsClosed || to == CaseStatus.Closed) return NotAllowed(to);
        if (MergedIntoCaseId is not null) return Error.Conflict("Status", "Case.MergedCannotReopen");
        if (IsPersonalDataErased) return Error.Conflict("Status", "Case.ErasedCannotReopen");
        if (ReasonError("Reason", reason, required: true) is { } error) return error;
        Status = to;
        ClosedAt = null;
        Outcome = null;
        OutcomeNote = null;
        ReporterInformedAt = null;
        Changed(now);
        Record(CaseEventKind.Reopened, actor, now, from: Codes.Of(CaseStatus.Closed), to: Codes.Of(to), text: Trimmed(reason));
        return Result<Case>.Ok(this);
    }

    // This case's reports now belong to target; this case closes as merged and points there.
    internal Result<Case> MergeInto(Case target, Guid actor, DateTimeOffset now)
    {
        if (target.Id == Id) return new Error("CaseId", "Case.LinkSelf");
        if (IsClosed) return Error.Conflict("Status", "Case.MergeClosed");
        if (target.IsClosed) return Error.Conflict("CaseId", "Case.MergeIntoClosed");
        MergedIntoCaseId = target.Id;
        CloseAs(CaseOutcome.Merged, null, now);
        Record(CaseEventKind.MergedInto, actor, now, to: target.Reference, relatedId: target.Id);
        target.Absorb(this, actor, now);
        return Result<Case>.Ok(target);
    }

    // The merged case's urgency carries over: the higher concern and the earlier running clock.
    private void Absorb(Case merged, Guid actor, DateTimeOffset now)
    {
        if (merged.ConcernLevel > ConcernLevel) (ConcernLevel, ConcernRank) = (merged.ConcernLevel, merged.ConcernRank);
        if (FirstContactAt is null && merged.FirstContactDueAt is { } due && (AwaitingContactUntil is null || due < AwaitingContactUntil))
            AwaitingContactUntil = FirstContactDueAt = due;
        Changed(now);
        Record(CaseEventKind.MergedFrom, actor, now, from: merged.Reference, relatedId: merged.Id);
    }

    private void CloseAs(CaseOutcome outcome, string? note, DateTimeOffset now)
    {
        Status = CaseStatus.Closed;
        ClosedAt = now;
        Outcome = outcome;
        OutcomeNote = note;
        AwaitingContactUntil = null;
        Changed(now);
    }

    private Error NotAllowed(CaseStatus requested) =>
        Error.Conflict("Status", "Case.TransitionNotAllowed", Codes.Of(Status), Codes.Of(requested));
}
