using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Varna.Features.Cases;

// The assessment form as posted: one answer per factor (in the order of the form), then the decision.
public sealed class AssessmentInput
{
    public List<AssessmentAnswerInput> Answers { get; set; } = [];
    public string? Level { get; set; }
    [Display(Name = "Field.Rationale")] public string? Rationale { get; set; }
    // Text, so a mistyped date gets our message rather than the binder's.
    [Display(Name = "Field.ReassessOn")] public string? ReassessOn { get; set; }

    // Every factor, risk factors first, answered as in `latest` or unknown.
    public static AssessmentInput Prefilled(AssessmentResponse? latest, ConcernLevel level) => new()
    {
        Answers = AssessmentForm.Factors.Select(f => latest?.Answers.FirstOrDefault(a => a.Factor == f) is { } a
            ? new AssessmentAnswerInput { Factor = Codes.Of(f), Answer = Codes.Of(a.Answer), Note = a.Note }
            : new AssessmentAnswerInput { Factor = Codes.Of(f), Answer = Codes.Of(FactorAnswer.Unknown) }).ToList(),
        Level = Codes.Of(level),
    };

    public Result<AssessmentRequest> ToRequest(int? version)
    {
        DateOnly? reassessOn = null;
        if (!string.IsNullOrWhiteSpace(ReassessOn))
        {
            if (!DateOnly.TryParseExact(ReassessOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return new Error(nameof(ReassessOn), "Validation.Date");
            reassessOn = date;
        }
        return Result<AssessmentRequest>.Ok(new AssessmentRequest(
            Answers.Select(a => new AssessmentAnswerRequest(a.Factor, a.Answer, a.Note)).ToList(), Level, Rationale, reassessOn, version));
    }
}

public sealed class AssessmentAnswerInput
{
    public string? Factor { get; set; }
    public string? Answer { get; set; }
    public string? Note { get; set; }
}
