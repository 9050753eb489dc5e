using Varna.Features.Cases;

namespace Varna.Features.Reports;

public sealed record GuidanceItem(string Code, string Text);

// The advice on the receipt, chosen from the answers. It follows SKR's and the Police's advice to
// elected representatives: tell someone, always report to the police, say that you are elected,
// ask for the report to be access-protected, and keep the evidence.
public static class ReportGuidance
{
    public static IReadOnlyList<GuidanceItem> For(Report report, Case @case, IStringLocalizer<ReportsText> text)
    {
        var items = new List<GuidanceItem>();
        void Add(string code, params object[] args) => items.Add(new GuidanceItem(code, text["Guidance." + code, args]));

        if (report.DangerNow) Add("call_112");
        if (report.ReportedToPolice)
        {
            if (report.PoliceReference is null) Add("police_already");
            else Add("police_reference", report.PoliceReference);
        }
        else if (!report.DangerNow) Add("police_report");
        Add("say_elected");
        Add("access_protection");
        Add("preserve_" + EvidenceAdvice(report.Channel));
        if (report.Types.Contains(IncidentType.Violence)) Add("injuries");
        if (report.Target is Target.Relative or Target.Both) Add("relatives");
        Add("talk_to_someone");
        if (report.Wish == ReporterWish.RequestContact && @case.FirstContactDueAt is { } due) Add("contact_by", Swedish.Format(due));
        else Add("record_only");
        return items;
    }

    private static string EvidenceAdvice(Channel channel) => channel switch
    {
        Channel.SocialMediaPublic or Channel.SocialMediaPrivate or Channel.Media => "online",
        Channel.Email => "email",
        Channel.PhoneSms => "phone",
        Channel.LetterParcel => "letter",
        Channel.InPersonMeeting or Channel.InPersonPublic or Channel.Home => "in_person",
        _ => "general",
    };
}
