using Varna.Features.Cases;
using Varna.Features.Organisations;
using Varna.Features.Reports;

namespace Varna.Features.Demo;

// Years of cases for one organisation, for the case-handling benchmark: mostly closed, a share
// still open in every stage and clock state, each with a report and a short timeline, plus one
// heavy case (many files, messages and timeline lines) to show the case page does not grow with them.
public sealed class CaseVolume(AppDbContext db, TimeProvider time)
{
    private const int Batch = 2_000;

    public sealed record Seeded(int Cases, Guid TypicalCaseId, Guid HeavyCaseId);

    public async Task<Seeded> AddAsync(Organisation org, Guid officerId, Guid representativeId, int count, double openShare, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var random = new Random(2026);
        var year = Swedish.DateOf(now).Year;
        var sequence = await db.ReferenceCounters.Where(c => c.OrganisationId == org.Id && c.Year == year).Select(c => c.Last).SingleOrDefaultAsync(cancellationToken);
        var first = sequence;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        Guid typical = default;
        for (var done = 0; done < count; done += Batch)
        {
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var open = random.NextDouble() < openShare;
                // Closed cases spread over five years; open ones over the last six weeks.
                var receivedAt = now.AddMinutes(-random.Next(open ? 60 * 24 * 42 : 60 * 24 * 365 * 5));
                var @case = AddCase(org, ++sequence, year, representativeId, officerId, receivedAt, open, random);
                if (open && typical == default && @case.Status == CaseStatus.Measures) typical = @case.Id;
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        var heavy = AddCase(org, ++sequence, year, representativeId, officerId, now.AddDays(-30), open: true, random);
        AddWeight(heavy, officerId, representativeId, now);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await db.ReferenceCounters.Where(c => c.OrganisationId == org.Id && c.Year == year).ExecuteDeleteAsync(cancellationToken);
        db.ReferenceCounters.Add(new ReferenceCounter { OrganisationId = org.Id, Year = year, Last = sequence });
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        return new Seeded(sequence - first, typical, heavy.Id);
    }

    private static readonly IncidentType[] Types = Enum.GetValues<IncidentType>();
    private static readonly Channel[] Channels = Enum.GetValues<Channel>();

    private Case AddCase(Organisation org, int sequence, int year, Guid representativeId, Guid officerId, DateTimeOffset receivedAt, bool open, Random random)
    {
        var types = new[] { Types[random.Next(Types.Length)] };
        var wish = random.Next(5) == 0 ? ReporterWish.RecordOnly : ReporterWish.RequestContact;
        var level = ConcernRules.InitialLevel(random.Next(50) == 0, types, Target.Self);
        var due = ConcernRules.FirstContactDue(level, wish, org.Settings, receivedAt);
        var @case = Case.Open(org.Id, org.ReferencePrefix, year, sequence, null, level, due, receivedAt);
        var draft = new ReportDraft(false, receivedAt.AddHours(-2), true, Channels[random.Next(Channels.Length)], types,
            "Genererat ärende för belastningsmätning.", wish, Target.Self, null, null, [], null, null, false, null, null, IntakeMethod.SelfService);
        db.Cases.Add(@case);
        db.Reports.Add(Report.Create(@case, draft, representativeId, receivedAt));
        var stage = open ? random.Next(5) : 4;
        if (stage >= 1 && due is not null) @case.Assign(officerId, officerId, receivedAt.AddMinutes(30));
        if (stage >= 2 && due is not null) @case.LogContact(ContactMethod.Phone, receivedAt.AddHours(1), null, officerId, receivedAt.AddHours(1));
        if (stage >= 3) @case.MoveTo(CaseStatus.Measures, officerId, receivedAt.AddDays(1));
        if (stage == 4 && !open) @case.Close(CaseOutcome.Handled, null, true, officerId, receivedAt.AddDays(10));
        return @case;
    }

    private void AddWeight(Case @case, Guid officerId, Guid representativeId, DateTimeOffset now)
    {
        var report = db.ChangeTracker.Entries<Report>().Single(e => e.Entity.CaseId == @case.Id).Entity;
        for (var i = 0; i < 40; i++)
            db.Evidence.Add(Evidence.FromBytes(report, EvidenceKind.Text, $"skarmbild-{i + 1}.txt", "text/plain",
                System.Text.Encoding.UTF8.GetBytes($"Bevis nummer {i + 1}"), representativeId, now.AddDays(-29).AddMinutes(i)));
        for (var i = 0; i < 30; i++)
        {
            var fromReporter = i % 2 == 0;
            var at = now.AddDays(-28).AddHours(i);
            db.ReportMessages.Add(ReportMessage.Write(report, fromReporter ? representativeId : officerId, fromReporter, $"Meddelande {i + 1}", at).Value!);
            @case.Record(fromReporter ? CaseEventKind.MessageFromReporter : CaseEventKind.MessageToReporter, fromReporter ? representativeId : officerId, at, relatedId: report.Id);
        }
        for (var i = 0; i < 250; i++)
            @case.Record(CaseEventKind.NoteAdded, officerId, now.AddDays(-20).AddMinutes(i * 7), text: $"Anteckning {i + 1}");
        for (var i = 0; i < 10; i++)
            db.Measures.Add(Measure.Add(@case, new(MeasureCode.FollowUpCall, null, "Säkerhetsenheten", officerId, MeasureStatus.Active,
                Swedish.DateOf(now.AddDays(-20)), Swedish.DateOf(now.AddDays(i)), null), now.AddDays(-20)).Value!);
    }
}
