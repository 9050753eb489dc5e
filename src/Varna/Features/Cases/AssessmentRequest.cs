namespace Varna.Features.Cases;

// A new version of the threat assessment as the page and the API send it: codes as text. Factors
// left out are stored as unknown, so every version holds an answer for every factor.
public sealed record AssessmentRequest(
    IReadOnlyList<AssessmentAnswerRequest>? Answers, string? Level, string? Rationale, DateOnly? ReassessOn, int? Version);

public sealed record AssessmentAnswerRequest(string? Factor, string? Answer, string? Note);

// The request once checked: every factor once, known codes, a rationale, no date in the past.
public sealed record AssessmentDraft(IReadOnlyList<AssessmentAnswer> Answers, ConcernLevel Level, string Rationale, DateOnly? ReassessOn)
{
    public static Result<AssessmentDraft> From(AssessmentRequest request, DateOnly today)
    {
        var errors = new List<Error>();
        var answers = ReadAnswers(request.Answers ?? [], errors);
        var level = CodeInput.Required<ConcernLevel>(request.Level, "Level", errors);
        var rationale = request.Rationale?.Trim() ?? "";
        if (rationale.Length == 0) errors.Add(new Error("Rationale", "Validation.Required"));
        else if (rationale.Length > Assessment.MaxTextLength) errors.Add(new Error("Rationale", "Validation.TooLong", Assessment.MaxTextLength));
        if (request.ReassessOn is { } on && on < today) errors.Add(new Error("ReassessOn", "Assessment.ReassessInPast"));
        return errors.Count > 0 ? Result<AssessmentDraft>.Fail(errors)
            : Result<AssessmentDraft>.Ok(new AssessmentDraft(answers, level, rationale, request.ReassessOn));
    }

    // Lenient reading for the suggestion alone: whatever factors parse, without complaints.
    public static IReadOnlyList<AssessmentAnswer> AnswersForSuggestion(IReadOnlyList<AssessmentAnswerRequest>? answers) =>
        ReadAnswers(answers ?? [], []);

    private static List<AssessmentAnswer> ReadAnswers(IReadOnlyList<AssessmentAnswerRequest> given, List<Error> errors)
    {
        var byFactor = new Dictionary<AssessmentFactor, AssessmentAnswer>();
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"Answers[{i}]";
            var item = given[i] ?? new AssessmentAnswerRequest(null, null, null);
            var factor = CodeInput.Required<AssessmentFactor>(item.Factor, $"{field}.Factor", errors);
            var answer = CodeInput.Optional<FactorAnswer>(item.Answer, $"{field}.Answer", errors) ?? FactorAnswer.Unknown;
            var note = string.IsNullOrWhiteSpace(item.Note) ? null : item.Note!.Trim();
            if (note?.Length > Assessment.MaxTextLength) errors.Add(new Error($"{field}.Note", "Validation.TooLong", Assessment.MaxTextLength));
            if (!Codes.TryParse<AssessmentFactor>(item.Factor, out _)) continue;
            if (byFactor.ContainsKey(factor)) { errors.Add(new Error($"{field}.Factor", "Assessment.FactorTwice", Codes.Of(factor))); continue; }
            byFactor[factor] = new AssessmentAnswer { Factor = factor, Answer = answer, Note = note };
        }
        return Enum.GetValues<AssessmentFactor>()
            .Select(f => byFactor.GetValueOrDefault(f) ?? new AssessmentAnswer { Factor = f, Answer = FactorAnswer.Unknown })
            .ToList();
    }
}
