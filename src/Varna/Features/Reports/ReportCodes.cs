namespace Varna.Features.Reports;

// The stable codes of the brief. Their snake_case names are the contract with the API, the database
// and exports (see Data/Codes.cs), so members are never renamed, only added.
public enum IncidentType
{
    // PTU block "hot och trakasserier"
    Threat, Harassment, Stalking, SexualHarassment, HateSpeech, Defamation, Doxxing,
    Campaign, UndueInfluence, IntimidatingVisit, MeetingDisruption,
    // PTU block "våld, skadegörelse och stöld"
    Violence, Vandalism, TheftBurglary, SuspiciousItem,
    Other,
}

public enum IncidentBlock { ThreatsHarassment, ViolenceDamageTheft, Other }

public enum Channel
{
    SocialMediaPublic, SocialMediaPrivate, Email, PhoneSms, LetterParcel,
    InPersonMeeting, InPersonPublic, Home, Media, ThirdParty, Other,
}

public enum Target { Self, Relative, Both }

public enum RoleConnection { Yes, Probably, Unclear, No }

public enum PerpetratorCategory
{
    Unknown, Citizen, FixatedPerson, ServiceUser,
    ExtremistRight, ExtremistLeft, ExtremistReligious,
    CriminalNetwork, OtherPolitician, ForeignActor, Other,
}

public enum ReporterWish { RecordOnly, RequestContact }

// How a report reached Värna: typed in by the representative, or registered by a security
// officer who heard about it another way.
public enum IntakeMethod { SelfService, Phone, Letter, InPerson, Email, Other }

public static class IncidentTypes
{
    public static IncidentBlock BlockOf(IncidentType type) => type switch
    {
        IncidentType.Violence or IncidentType.Vandalism or IncidentType.TheftBurglary or IncidentType.SuspiciousItem
            => IncidentBlock.ViolenceDamageTheft,
        IncidentType.Other => IncidentBlock.Other,
        _ => IncidentBlock.ThreatsHarassment,
    };

    public static IEnumerable<IncidentType> In(IncidentBlock block) => Enum.GetValues<IncidentType>().Where(t => BlockOf(t) == block);
}
