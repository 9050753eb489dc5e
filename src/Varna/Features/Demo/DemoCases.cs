using Varna.Features.Cases;
using Varna.Features.Organisations;
using Varna.Features.Reports;
using Varna.Features.Representatives;

namespace Varna.Features.Demo;

// A desk with work on it: cases in every stage, written through the same entity rules as real
// handling (so the timelines read true), at times relative to now so clocks are running or late.
public sealed class DemoCases(AppDbContext db, Organisation org, Guid officerId, Guid representativeUserId, DateTimeOffset now)
{
    private int sequence;

    public void Add(IReadOnlyList<Representative> reps)
    {
        var year = Swedish.DateOf(now).Year;
        var self = reps[7];

        // 1. An escalating online threat: assessed twice, measures under way, police reference known.
        var (threat, threatReport) = Open(reps, self, now.AddDays(-9), Channel.SocialMediaPublic, [IncidentType.Threat, IncidentType.HateSpeech],
            "Ett konto skrev under mitt inlägg om skolnedläggningen att ”någon borde hälsa på henne hemma”. Dagen efter kom två liknande kommentarer från samma konto.",
            ReporterWish.RequestContact, PerpetratorCategory.FixatedPerson, ["@sanningssägaren_74"], representativeUserId);
        threat.Assign(officerId, officerId, now.AddDays(-9).AddMinutes(40));
        threat.LogContact(ContactMethod.Phone, now.AddDays(-9).AddHours(2), "Ringde upp. Hon är orolig men säker hemma. Vi går igenom kommentarerna i morgon.", officerId, now.AddDays(-9).AddHours(2));
        Message(threatReport, officerId, false, "Hej! Tack för att du rapporterade. Jag ringer dig i eftermiddag enligt vad vi sa.", now.AddDays(-9).AddHours(1));
        Message(threatReport, representativeUserId, true, "Tack. Kontot har skrivit igen i kväll, jag har tagit skärmbilder.", now.AddDays(-8));
        Assess(threat, 1, [(AssessmentFactor.DirectThreat, FactorAnswer.No), (AssessmentFactor.Fixation, FactorAnswer.Yes), (AssessmentFactor.DecisionGrievance, FactorAnswer.Yes)],
            ConcernLevel.Moderate, "Upprepade kommentarer knutna till ett beslut. Inget direkt hot ännu.", now.AddDays(-8).AddHours(3));
        Assess(threat, 2, [(AssessmentFactor.DirectThreat, FactorAnswer.Yes), (AssessmentFactor.Fixation, FactorAnswer.Yes), (AssessmentFactor.PrivateKnowledge, FactorAnswer.Yes),
                (AssessmentFactor.Escalation, FactorAnswer.Yes), (AssessmentFactor.SupportNetwork, FactorAnswer.Yes)],
            ConcernLevel.High, "Kontot nämner nu hennes bostadsområde. Tydlig upptrappning.", now.AddDays(-6));
        threat.MoveTo(CaseStatus.Measures, officerId, now.AddDays(-6).AddMinutes(10));
        AddMeasure(threat, MeasureCode.SupportTalk, null, "Företagshälsovården", MeasureStatus.Done, now.AddDays(-7), null, now.AddDays(-5));
        AddMeasure(threat, MeasureCode.SocialMediaReview, "Gå igenom sekretessinställningar och blockera kontot.", "Kommunikationsavdelningen", MeasureStatus.Active, now.AddDays(-6), now, null);
        AddMeasure(threat, MeasureCode.HomeSecurityReview, null, "Säkerhetsenheten", MeasureStatus.Planned, now.AddDays(2), now.AddDays(7), null);
        var police = PoliceReport.For(threat);
        police.Set(new(true, PoliceReporter.Representative, "5000-K123456-26", Swedish.DateOf(now.AddDays(-7)), PoliceOutcome.UnderInvestigation, null),
            Swedish.DateOf(now), now.AddDays(-7));
        db.PoliceReports.Add(police);
        threat.Record(CaseEventKind.PoliceReportRecorded, officerId, now.AddDays(-7), to: Codes.Of(PoliceOutcome.UnderInvestigation), text: "5000-K123456-26");
        threat.Record(CaseEventKind.NoteAdded, officerId, now.AddDays(-5), text: "Stämt av med polisens kontaktperson för förtroendevalda. De återkommer efter förhör.");
        db.FollowUps.Add(FollowUp.Set(threat, Swedish.DateOf(now.AddDays(3)), "Ring och hör hur det känns efter fullmäktige.", officerId, now.AddDays(-5)).Value!);

        // 2. Registered only, handled and closed.
        var (recorded, _) = Open(reps, reps[3], now.AddDays(-5), Channel.Email, [IncidentType.Harassment],
            "Ett nedsättande mejl efter debatten om budgeten. Jag vill bara att det finns registrerat.", ReporterWish.RecordOnly, PerpetratorCategory.Citizen, [], null);
        recorded.Close(CaseOutcome.NoActionNeeded, "Registrerat enligt önskemål. Inga tecken på fortsättning.", true, officerId, now.AddDays(-4));

        // 3. A visit at home, high concern, nobody has called: late by more than a day.
        Open(reps, reps[1], now.AddHours(-30), Channel.Home, [IncidentType.IntimidatingVisit],
            "En man ringde på hemma och sa att han ville prata om detaljplanen. Han ville inte gå när jag bad honom.", ReporterWish.RequestContact, PerpetratorCategory.Unknown, [], null);

        // 4. A threatening text message this morning: the clock is running.
        Open(reps, self, now.AddHours(-2), Channel.PhoneSms, [IncidentType.Threat],
            "Sms från okänt nummer: ”Du kommer att ångra din röst i torsdags.”", ReporterWish.RequestContact, PerpetratorCategory.Unknown, ["070-000 00 00"], representativeUserId);

        // 5. Acute: a meeting disrupted, registered by the officer after a phone call.
        var (acute, _) = Open(reps, reps[0], now.AddMinutes(-40), Channel.InPersonMeeting, [IncidentType.MeetingDisruption, IncidentType.Threat],
            "Ringde från stadshuset: en åhörare stormade fram under sammanträdet och skrek hot. Ordningsvakt på plats.", ReporterWish.RequestContact,
            PerpetratorCategory.Citizen, [], officerId, dangerNow: true, intake: IntakeMethod.Phone);
        acute.Assign(officerId, officerId, now.AddMinutes(-38));

        // 6. A campaign, in follow-up, linked to the first case.
        var (campaign, _) = Open(reps, reps[5], now.AddDays(-20), Channel.SocialMediaPublic, [IncidentType.Campaign, IncidentType.Doxxing],
            "Min adress och mina barns skola publicerades i en grupp. Många delningar.", ReporterWish.RequestContact, PerpetratorCategory.Unknown, ["Gruppen ”Sanningen om kommunen”"], null);
        campaign.Assign(officerId, officerId, now.AddDays(-20).AddHours(1));
        campaign.LogContact(ContactMethod.InPerson, now.AddDays(-19), null, officerId, now.AddDays(-19));
        campaign.MoveTo(CaseStatus.Measures, officerId, now.AddDays(-18));
        AddMeasure(campaign, MeasureCode.AddressProtection, "Ansökan om skyddade personuppgifter.", "Skatteverket", MeasureStatus.Done, now.AddDays(-18), null, now.AddDays(-10));
        campaign.MoveTo(CaseStatus.FollowUp, officerId, now.AddDays(-10));
        db.CaseLinks.Add(CaseLink.Between(campaign, threat, LinkReason.SamePerpetrator, "Samma konto delade inläggen.", officerId, now.AddDays(-6)));
        campaign.Record(CaseEventKind.Linked, officerId, now.AddDays(-6), from: Codes.Of(LinkReason.SamePerpetrator), to: threat.Reference, relatedId: threat.Id);
        threat.Record(CaseEventKind.Linked, officerId, now.AddDays(-6), from: Codes.Of(LinkReason.SamePerpetrator), to: campaign.Reference, relatedId: campaign.Id);

        db.ReferenceCounters.Add(new ReferenceCounter { OrganisationId = org.Id, Year = year, Last = sequence });
    }

    private (Case, Report) Open(IReadOnlyList<Representative> reps, Representative about, DateTimeOffset receivedAt, Channel channel,
        IncidentType[] types, string description, ReporterWish wish, PerpetratorCategory? perpetrator, string[] identifiers, Guid? submittedBy,
        bool dangerNow = false, IntakeMethod intake = IntakeMethod.SelfService)
    {
        _ = reps;
        var draft = new ReportDraft(dangerNow, receivedAt.AddHours(-3), true, channel, types, description, wish, Target.Self, null, perpetrator,
            identifiers, RoleConnection.Yes, null, false, null, about.Id, intake);
        var level = ConcernRules.InitialLevel(dangerNow, types, Target.Self);
        var due = ConcernRules.FirstContactDue(level, wish, org.Settings, receivedAt);
        var @case = Case.Open(org.Id, org.ReferencePrefix, Swedish.DateOf(receivedAt).Year, ++sequence, about.Id, level, due, receivedAt);
        var report = Report.Create(@case, draft, submittedBy ?? officerId, receivedAt);
        db.Cases.Add(@case);
        db.Reports.Add(report);
        return (@case, report);
    }

    private void Message(Report report, Guid author, bool fromReporter, string body, DateTimeOffset at)
    {
        db.ReportMessages.Add(ReportMessage.Write(report, author, fromReporter, body, at).Value!);
        db.CaseEvents.Add(CaseEvent.Record(report.OrganisationId, report.CaseId,
            fromReporter ? CaseEventKind.MessageFromReporter : CaseEventKind.MessageToReporter, author, at, relatedId: report.Id));
    }

    private void Assess(Case @case, int version, (AssessmentFactor Factor, FactorAnswer Answer)[] answers, ConcernLevel level, string rationale, DateTimeOffset at)
    {
        var all = Enum.GetValues<AssessmentFactor>()
            .Select(f => new AssessmentAnswer { Factor = f, Answer = answers.FirstOrDefault(a => a.Factor == f).Answer })
            .ToList();
        var assessment = Assessment.Record(@case, version, all, level, rationale, Swedish.DateOf(at.AddDays(14)), officerId, at);
        db.Assessments.Add(assessment);
        @case.StartAssessing(officerId, at);
        if (level != @case.ConcernLevel) @case.ChangeConcern(level, $"Bedömning version {version}", ConcernRules.HoursFor(level, org.Settings), officerId, at);
        @case.Record(CaseEventKind.AssessmentRecorded, officerId, at, from: version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            to: Codes.Of(level), relatedId: assessment.Id);
    }

    private void AddMeasure(Case @case, MeasureCode code, string? description, string owner, MeasureStatus status,
        DateTimeOffset start, DateTimeOffset? review, DateTimeOffset? end)
    {
        var measure = Measure.Add(@case, new(code, description, owner, officerId, status, Swedish.DateOf(start),
            review is { } r ? Swedish.DateOf(r) : null, end is { } e ? Swedish.DateOf(e) : null), start).Value!;
        db.Measures.Add(measure);
        @case.Record(CaseEventKind.MeasureAdded, officerId, start, to: Codes.Of(code), relatedId: measure.Id);
    }
}
