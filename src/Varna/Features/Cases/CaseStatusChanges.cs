namespace Varna.Features.Cases;

// The status handlers shared by the page and the API: move forward, close, reopen.
public static class CaseStatusChanges
{
    public static async Task<Result<Case>?> MoveAsync(CaseChanges changes, Guid id, int? version, string? status, Guid actor,
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var to = CodeInput.Required<CaseStatus>(status, "Status", errors);
        if (errors.Count > 0) return await CaseIntake.RefuseAsync<Case>(changes, id, version, errors, cancellationToken);
        return await changes.ApplyAsync(id, version, @case => @case.MoveTo(to, actor, changes.Now), cancellationToken);
    }

    public static async Task<Result<Case>?> CloseAsync(CaseChanges changes, Guid id, int? version, string? outcome, string? outcomeNote,
        bool reporterInformed, Guid actor, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var parsed = ParseOutcome(outcome, errors);
        return await changes.ApplyAsync(id, version, @case => Close(@case, parsed, outcomeNote, reporterInformed, errors, actor, changes.Now),
            cancellationToken);
    }

    public static async Task<Result<Case>?> ReopenAsync(CaseChanges changes, Guid id, int? version, string? status, string? reason,
        Guid actor, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var to = CodeInput.Required<CaseStatus>(status, "Status", errors);
        if (errors.Count > 0) return await CaseIntake.RefuseAsync<Case>(changes, id, version, errors, cancellationToken);
        return await changes.ApplyAsync(id, version, @case => @case.Reopen(to, reason, actor, changes.Now), cancellationToken);
    }

    // The API's one status endpoint: "closed" closes, another status reopens a closed case (with a
    // reason) and otherwise moves an open one forward.
    public static async Task<Result<Case>?> ChangeAsync(CaseChanges changes, Guid id, StatusRequest request, Guid actor,
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var to = CodeInput.Required<CaseStatus>(request.Status, "Status", errors);
        if (errors.Count > 0) return await CaseIntake.RefuseAsync<Case>(changes, id, request.Version, errors, cancellationToken);
        if (to == CaseStatus.Closed)
            return await CloseAsync(changes, id, request.Version, request.Outcome, request.OutcomeNote, request.ReporterInformed, actor, cancellationToken);
        return await changes.ApplyAsync(id, request.Version, @case => @case.IsClosed
            ? @case.Reopen(to, request.Reason, actor, changes.Now)
            : @case.MoveTo(to, actor, changes.Now), cancellationToken);
    }

    // "merged" is an outcome only a merge gives, so it is not one an officer can choose.
    private static CaseOutcome? ParseOutcome(string? code, List<Error> errors)
    {
        var outcome = CodeInput.Optional<CaseOutcome>(code, "Outcome", errors);
        if (outcome != CaseOutcome.Merged) return outcome;
        errors.Add(CodeInput.Unknown<CaseOutcome>("Outcome", code, CaseOutcome.Merged));
        return null;
    }

    // An unknown outcome is reported together with whatever else the close is missing, without
    // also saying the outcome is required.
    private static Result<Case> Close(Case @case, CaseOutcome? outcome, string? note, bool reporterInformed, List<Error> parseErrors,
        Guid actor, DateTimeOffset now)
    {
        var closed = @case.Close(outcome, note, reporterInformed, actor, now);
        if (parseErrors.Count == 0 || closed.Errors.Any(e => e.Kind == ErrorKind.Conflict)) return closed;
        return Result<Case>.Fail([.. parseErrors, .. closed.Errors.Where(e => e.Field != "Outcome")]);
    }
}

public sealed record StatusRequest
{
    public string? Status { get; init; }
    public string? Outcome { get; init; }
    public string? OutcomeNote { get; init; }
    public bool ReporterInformed { get; init; }
    public string? Reason { get; init; }
    public int? Version { get; init; }
}
