namespace Varna.Features.Cases;

// A suggested level from the factors, shown as a suggestion only; the officer decides. The rule is
// deliberately simple and explainable: factors known from threat-assessment practice to go with
// action (approach, weapons, earlier violence) suggest high, several risk factors suggest at least
// moderate, and an identified perpetrator with a support network around the representative
// lowers the suggestion one step.
public static class AssessmentSuggestion
{
    private static readonly AssessmentFactor[] Grave = [AssessmentFactor.Approach, AssessmentFactor.Weapons, AssessmentFactor.PriorViolence];

    public static ConcernLevel For(IReadOnlyCollection<AssessmentAnswer> answers)
    {
        var yes = answers.Where(a => a.Answer == FactorAnswer.Yes).Select(a => a.Factor).ToHashSet();
        var risks = yes.Count(f => !AssessmentFactors.IsProtective(f));
        var level = yes.Overlaps(Grave) && (yes.Contains(AssessmentFactor.DirectThreat) || risks >= 3) ? ConcernLevel.Acute
            : yes.Overlaps(Grave) || risks >= 4 ? ConcernLevel.High
            : risks >= 1 ? ConcernLevel.Moderate
            : ConcernLevel.Low;
        var protectedBy = AssessmentFactors.Protective.All(yes.Contains);
        return protectedBy && level > ConcernLevel.Low && level < ConcernLevel.Acute ? level - 1 : level;
    }
}
