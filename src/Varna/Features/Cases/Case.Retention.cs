namespace Varna.Features.Cases;

// The end of a case's life: when the retention rule (or an erasure on request) has removed its
// personal data, the case row stays as the anonymised statistical fact (type, channel, dates,
// concern level, measures used). The link to the representative and the closing note go with it.
public sealed partial class Case
{
    public bool IsPersonalDataErased => PersonalDataErasedAt is not null;

    // Only a closed case can be erased; erasing twice changes nothing (the job may meet a case another
    // node has just erased).
    public Result<Case> MarkPersonalDataErased(DateTimeOffset now)
    {
        if (!IsClosed) return Error.Conflict("Status", "Case.EraseOpen");
        if (IsPersonalDataErased) return Result<Case>.Ok(this);
        PersonalDataErasedAt = now;
        OutcomeNote = null;
        RepresentativeId = null;
        Changed(now);
        return Result<Case>.Ok(this);
    }

    // Whether the retention rule has reached this case: closed more than `months` months before now.
    public bool IsPastRetention(int months, DateTimeOffset now) => IsClosed && ClosedAt < RetentionCutoff(months, now);

    public static DateTimeOffset RetentionCutoff(int months, DateTimeOffset now) => now.AddMonths(-months);
}
