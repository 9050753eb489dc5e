namespace Varna.Features.Cases;

// One version of the structured threat assessment. A new assessment is a new row with the next
// version number; earlier versions are never changed, so what was known when stays readable.
public sealed class Assessment : IOrganisationOwned
{
    public const int MaxTextLength = 10_000;

    private Assessment() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    // What the factors suggested when it was recorded, and what the officer decided.
    public ConcernLevel SuggestedLevel { get; private set; }
    public ConcernLevel Level { get; private set; }
    public string Rationale { get; private set; } = "";
    public DateOnly? ReassessOn { get; private set; }
    public List<AssessmentAnswer> Answers { get; private set; } = [];

    public static Assessment Record(Case @case, int version, IReadOnlyList<AssessmentAnswer> answers, ConcernLevel level,
        string rationale, DateOnly? reassessOn, Guid actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = @case.OrganisationId,
        CaseId = @case.Id,
        Version = version,
        RecordedAt = now,
        RecordedByUserId = actor,
        SuggestedLevel = AssessmentSuggestion.For(answers),
        Level = level,
        Rationale = rationale,
        ReassessOn = reassessOn,
        Answers = answers.ToList(),
    };

    // Retention: the levels and the factors' answers stay (anonymous once the case is), the words go.
    internal void ErasePersonalData()
    {
        Rationale = "";
        foreach (var answer in Answers) answer.Note = null;
    }
}

// The answer for one factor: yes, no or unknown, with the officer's note.
public sealed class AssessmentAnswer
{
    public AssessmentFactor Factor { get; set; }
    public FactorAnswer Answer { get; set; }
    public string? Note { get; set; }
}
