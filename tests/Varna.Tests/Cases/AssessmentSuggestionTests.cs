using Varna.Features.Cases;

namespace Varna.Tests.Cases;

// The suggestion the form shows beside the officer's decision.
public sealed class AssessmentSuggestionTests
{
    private static ConcernLevel Suggest(params AssessmentFactor[] yes) =>
        AssessmentSuggestion.For(Enum.GetValues<AssessmentFactor>()
            .Select(f => new AssessmentAnswer { Factor = f, Answer = yes.Contains(f) ? FactorAnswer.Yes : FactorAnswer.No }).ToList());

    [Fact]
    public void No_factor_answered_yes_suggests_low() => Assert.Equal(ConcernLevel.Low, Suggest());

    [Fact]
    public void Unknown_answers_count_for_nothing() =>
        Assert.Equal(ConcernLevel.Low, AssessmentSuggestion.For([new AssessmentAnswer { Factor = AssessmentFactor.Weapons, Answer = FactorAnswer.Unknown }]));

    [Fact]
    public void One_risk_factor_suggests_moderate() => Assert.Equal(ConcernLevel.Moderate, Suggest(AssessmentFactor.Fixation));

    [Fact]
    public void Four_risk_factors_suggest_high() =>
        Assert.Equal(ConcernLevel.High, Suggest(AssessmentFactor.Fixation, AssessmentFactor.Escalation, AssessmentFactor.Leakage, AssessmentFactor.Desperation));

    [Fact]
    public void Weapons_alone_suggest_high() => Assert.Equal(ConcernLevel.High, Suggest(AssessmentFactor.Weapons));

    [Fact]
    public void A_direct_threat_with_an_approach_suggests_acute() =>
        Assert.Equal(ConcernLevel.Acute, Suggest(AssessmentFactor.DirectThreat, AssessmentFactor.Approach));

    [Fact]
    public void Both_protective_factors_lower_the_suggestion_one_step() =>
        Assert.Equal(ConcernLevel.Moderate, Suggest(AssessmentFactor.Weapons, AssessmentFactor.PerpetratorIdentified, AssessmentFactor.SupportNetwork));

    [Fact]
    public void One_protective_factor_alone_does_not_lower_it() =>
        Assert.Equal(ConcernLevel.High, Suggest(AssessmentFactor.Weapons, AssessmentFactor.SupportNetwork));

    [Fact]
    public void Protective_factors_never_lower_an_acute_suggestion() =>
        Assert.Equal(ConcernLevel.Acute, Suggest(AssessmentFactor.DirectThreat, AssessmentFactor.PriorViolence,
            AssessmentFactor.PerpetratorIdentified, AssessmentFactor.SupportNetwork));
}
