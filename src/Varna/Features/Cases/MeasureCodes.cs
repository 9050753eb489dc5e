namespace Varna.Features.Cases;

// The catalogue, grouped as in the brief: support; evidence and reporting; meetings, home and
// person; data and IT; follow-up.
public enum MeasureCode
{
    SupportTalk, CrisisSupport, LegalAdvice,
    EvidencePreserved, RegisteredDiarium, PoliceReport, PartyContact,
    MeetingSecurity, HomeSecurityReview, Alarm, Escort, PoliceProtection,
    AddressProtection, ItSecurityReview, SocialMediaReview,
    FollowUpCall, Other,
}

public enum MeasureStatus { Planned, Active, Done, Cancelled }

public enum PoliceReporter { Representative, Officer, Other }

public enum PoliceOutcome { UnderInvestigation, Closed, Prosecuted, Convicted, Other }
