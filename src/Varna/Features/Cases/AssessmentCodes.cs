namespace Varna.Features.Cases;

// Open items to structure the officer's judgement, not a licensed instrument.
public enum AssessmentFactor
{
    DirectThreat, Fixation, Escalation, PrivateKnowledge, Approach, Weapons,
    Leakage, DecisionGrievance, PriorViolence, Desperation, GroupOrCampaign,
    // Protective factors: they lower the concern rather than raise it.
    PerpetratorIdentified, SupportNetwork,
}

public enum FactorAnswer { Unknown, Yes, No }

public static class AssessmentFactors
{
    public static readonly AssessmentFactor[] Protective = [AssessmentFactor.PerpetratorIdentified, AssessmentFactor.SupportNetwork];
    public static readonly AssessmentFactor[] Risk = Enum.GetValues<AssessmentFactor>().Except(Protective).ToArray();
    public static bool IsProtective(AssessmentFactor factor) => Protective.Contains(factor);
}
