namespace Varna.Features.Cases;

// Intake: who holds the case, the first contact that stops the clock, and the concern level.
public sealed partial class Case
{
    // The officer is checked by the caller (same organisation, officer role); null releases the case.
    public Result<Case> Assign(Guid? officerId, Guid actor, DateTimeOffset now)
    {
        if (officerId == AssigneeId) return Result<Case>.Ok(this);
        var previous = AssigneeId;
        AssigneeId = officerId;
        Changed(now);
        Record(officerId is null ? CaseEventKind.Unassigned : CaseEventKind.Assigned, actor, now,
            from: previous?.ToString(), to: officerId?.ToString());
        return Result<Case>.Ok(this);
    }

    // The first logged contact stops the clock; later contacts are recorded in the timeline only.
    public Result<Case> LogContact(ContactMethod method, DateTimeOffset contactedAt, string? note, Guid actor, DateTimeOffset now)
    {
        if (contactedAt > now.AddMinutes(5)) return new Error("ContactedAt", "Case.ContactInFuture");
        if (contactedAt < OpenedAt.AddDays(-1)) return new Error("ContactedAt", "Case.ContactBeforeOpened");
        if (ReasonError("Note", note, required: false) is { } error) return error;
        if (FirstContactAt is null)
        {
            FirstContactAt = contactedAt;
            FirstContactMethod = method;
            AwaitingContactUntil = null;
        }
        Changed(now);
        Record(CaseEventKind.ContactLogged, actor, now, to: Codes.Of(method), text: Trimmed(note), from: contactedAt.ToString("O"));
        return Result<Case>.Ok(this);
    }

    // A higher level can shorten a running clock (never lengthen it): the deadline becomes the
    // earlier of the current one and now plus the new level's SLA.
    public Result<Case> ChangeConcern(ConcernLevel level, string? reason, int slaHours, Guid actor, DateTimeOffset now)
    {
        if (ReasonError("Reason", reason, required: true) is { } error) return error;
        if (level == ConcernLevel) return new Error("Level", "Case.ConcernUnchanged");
        var previous = ConcernLevel;
        ConcernLevel = level;
        ConcernRank = (int)level;
        if (AwaitingContactUntil is { } due && now.AddHours(slaHours) < due)
            AwaitingContactUntil = FirstContactDueAt = now.AddHours(slaHours);
        Changed(now);
        Record(CaseEventKind.ConcernChanged, actor, now, from: Codes.Of(previous), to: Codes.Of(level), text: Trimmed(reason));
        return Result<Case>.Ok(this);
    }
}
