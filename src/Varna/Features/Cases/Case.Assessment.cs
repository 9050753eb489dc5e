namespace Varna.Features.Cases;

// A recorded threat assessment changes the case even when the level stays: it bumps Version, so
// two officers assessing the same case at once cannot both save on the same basis.
public sealed partial class Case
{
    internal Result<Case> RecordAssessment(Assessment assessment, Guid actor, DateTimeOffset now)
    {
        if (IsClosed) return Error.Conflict("Status", "Assessment.CaseClosed");
        StartAssessing(actor, now);
        Changed(now);
        Record(CaseEventKind.AssessmentRecorded, actor, now, from: assessment.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            to: Codes.Of(assessment.Level), relatedId: assessment.Id);
        return Result<Case>.Ok(this);
    }
}
