namespace Varna.Features.Cases;

// Ordered from least to most urgent, so levels compare with < and >.
public enum ConcernLevel { Low, Moderate, High, Acute }

// Ordered: a case only moves forward through these, except a reopen with a stated reason.
public enum CaseStatus { New, Assessing, Measures, FollowUp, Closed }

// How the first contact with the representative was made; logging it stops the first-contact clock.
public enum ContactMethod { Phone, InPerson, Message }

public enum CaseOutcome
{
    // The measures were carried out and the case needs nothing more.
    Handled,
    NoActionNeeded,
    // The representative did not want help beyond the record.
    DeclinedByRepresentative,
    // Handed over to the police or another authority.
    Referred,
    // The reports live on in another case.
    Merged,
    Other,
}

public enum LinkReason { SamePerpetrator, Campaign, Other }
