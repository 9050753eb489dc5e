using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Varna.Features.Audit;
using Varna.Features.Reports;

namespace Varna.Features.Privacy;

public sealed record SubjectAccessFile(string FileName, byte[] Bytes, int Reports, int Files);

// A subject-access export (GDPR art. 15) for one representative of the caller's organisation: a ZIP
// with data.json (everything held about them that the export may contain), README.txt (what is in
// it, what is not and why, in Swedish and English) and files/ (their evidence files).
public sealed class SubjectAccessExport(AppDbContext db, UserManager<User> users, AuditLog audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // å, ä, ö stay readable in the file
    };

    // Null when the representative is not one of the caller's organisation.
    public async Task<SubjectAccessFile?> CreateAsync(Guid representativeId, Guid actorUserId, CancellationToken cancellationToken)
    {
        var organisationId = db.CurrentOrganisationId;
        var representative = await db.Representatives.AsNoTracking().Include(r => r.Mandates)
            .SingleOrDefaultAsync(r => r.Id == representativeId, cancellationToken);
        if (representative is null || organisationId is null) return null;
        var now = time.GetUtcNow();
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);

        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.RepresentativeId == representativeId).ToListAsync(cancellationToken);
        var accountIds = accounts.Select(a => a.Id).ToList();

        var reports = await SubjectAccessQueries.ReportsAboutAsync(db, representativeId, accountIds, cancellationToken);
        var reportIds = reports.Select(r => r.Id).ToList();
        var caseIds = reports.Select(r => r.CaseId).Append(Guid.Empty).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id) || c.RepresentativeId == representativeId)
            .OrderBy(c => c.OpenedAt).ToListAsync(cancellationToken);
        var evidence = await db.Evidence.AsNoTracking().Where(e => reportIds.Contains(e.ReportId))
            .OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var supplements = (await db.ReportSupplements.AsNoTracking().Where(s => reportIds.Contains(s.ReportId)).OrderBy(s => s.AddedAt)
            .ToListAsync(cancellationToken)).ToLookup(s => s.ReportId);
        var messages = (await db.ReportMessages.AsNoTracking().Where(m => reportIds.Contains(m.ReportId))
            .Join(db.Users, m => m.AuthorUserId, u => u.Id, (m, u) => new { m, u.DisplayName })
            .OrderBy(x => x.m.SentAt).ThenBy(x => x.m.Id).ToListAsync(cancellationToken)).ToLookup(x => x.m.ReportId);
        var withheld = await SubjectAccessQueries.WithheldAsync(db, cases.Select(c => c.Id).ToList(), cancellationToken);

        using var zip = new MemoryStream();
        var fileCount = 0;
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var paths = new Dictionary<Guid, string>();
            foreach (var e in evidence.Where(e => e.Kind != EvidenceKind.Link))
            {
                var bytes = await db.EvidenceContents.AsNoTracking().Where(c => c.EvidenceId == e.Id).Select(c => c.Bytes).SingleOrDefaultAsync(cancellationToken);
                if (bytes is null) continue;
                var path = $"files/{++fileCount:000}-{SubjectAccessFiles.Sanitise(e.FileName, e.Kind == EvidenceKind.Text ? "text.txt" : "fil")}";
                paths[e.Id] = path;
                using var entry = archive.CreateEntry(path, CompressionLevel.Optimal).Open();
                await entry.WriteAsync(bytes, cancellationToken);
            }

            var caseReferences = cases.ToDictionary(c => c.Id, c => c.Reference);
            var data = new
            {
                generatedAt = now,
                organisation,
                representative = new
                {
                    representative.Id, representative.FirstName, representative.LastName, representative.Email, representative.Phone,
                    gender = Code(representative.Gender), representative.BirthYear, representative.Party, representative.PartyConsentRecordedAt,
                    representative.CreatedAt, representative.UpdatedAt,
                    mandates = representative.Mandates.OrderBy(m => m.From).Select(m => new
                    {
                        bodyKind = Codes.Of(m.BodyKind), m.BodyName, role = Codes.Of(m.Role), m.FullTimeOrLargePartTime, m.From, m.To,
                    }),
                },
                accounts = await AccountsAsync(accounts, cancellationToken),
                reports = reports.Select(r => new
                {
                    r.Id, caseReference = caseReferences.GetValueOrDefault(r.CaseId), r.ReceivedAt, intakeMethod = Codes.Of(r.IntakeMethod),
                    submittedByThem = accountIds.Contains(r.SubmittedByUserId), aboutThem = r.RepresentativeId == representativeId,
                    r.DangerNow, r.OccurredAt, r.OccurredTimeKnown, channel = Codes.Of(r.Channel), types = r.Types.Select(t => Codes.Of(t)),
                    r.Description, wish = Codes.Of(r.Wish), target = Codes.Of(r.Target), r.Location,
                    perpetratorCategory = Code(r.PerpetratorCategory), r.PerpetratorIdentifiers, roleConnection = Code(r.RoleConnection),
                    r.AgendaItem, r.ReportedToPolice, r.PoliceReference,
                    evidence = evidence.Where(e => e.ReportId == r.Id).Select(e => new
                    {
                        e.Id, kind = Codes.Of(e.Kind), e.FileName, e.ContentType, e.Size, e.Sha256, e.Url, e.ReceivedAt,
                        file = paths.GetValueOrDefault(e.Id),
                    }),
                    supplements = supplements[r.Id].Select(s => new { s.Text, s.AddedAt }),
                    messages = messages[r.Id].Select(x => new { x.m.FromReporter, author = x.DisplayName, x.m.Body, x.m.SentAt }),
                }),
                cases = cases.Select(c => new
                {
                    c.Reference, status = Codes.Of(c.Status), c.OpenedAt, c.FirstContactAt, c.ClosedAt, outcome = Code(c.Outcome),
                    c.ReporterInformedAt, c.PersonalDataErasedAt,
                    withheldInternalMaterial = withheld.GetValueOrDefault(c.Id),
                }),
            };
            await WriteTextAsync(archive, "data.json", JsonSerializer.Serialize(data, Json), cancellationToken);
            await WriteTextAsync(archive, "README.txt", SubjectAccessReadme.Text(organisation, now), cancellationToken);
        }

        await audit.WriteAsync(new AuditRecord(AuditAction.SubjectAccessExport, organisationId, actorUserId,
            Target: $"representative:{representativeId}", Detail: $"reports={reports.Count}; files={fileCount}; cases={cases.Count}"), cancellationToken);
        return new SubjectAccessFile($"registerutdrag-{Swedish.DateOf(now):yyyy-MM-dd}-{representativeId.ToString()[..8]}.zip",
            zip.ToArray(), reports.Count, fileCount);
    }

    // The account's profile: never the password hash, security stamp, authenticator key or recovery codes.
    private async Task<List<object>> AccountsAsync(List<User> accounts, CancellationToken cancellationToken)
    {
        var result = new List<object>();
        foreach (var user in accounts)
        {
            var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.CreatedAt)
                .Select(t => new { t.Name, t.CreatedAt, t.LastUsedAt, t.RevokedAt }).ToListAsync(cancellationToken);
            var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == user.Id).OrderBy(s => s.CreatedAt)
                .Select(s => new { s.CreatedAt, s.LastSeenAt, s.ExpiresAt }).ToListAsync(cancellationToken);
            var activity = await db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == user.OrganisationId && a.ActorUserId == user.Id)
                .OrderBy(a => a.At).Take(10_000).Select(a => new { a.At, a.Action, a.Target }).ToListAsync(cancellationToken);
            result.Add(new
            {
                user.Id, user.Email, user.UserName, user.DisplayName, user.PhoneNumber, user.EmailConfirmed, user.TwoFactorEnabled,
                hasPassword = user.PasswordHash is not null, user.CreatedAt, user.LockoutEnd, deactivated = user.IsDeactivated,
                roles = await users.GetRolesAsync(user),
                apiTokens = tokens, sessions,
                activity = activity.Select(a => new { a.At, action = Codes.Of(a.Action), a.Target }),
            });
        }
        return result;
    }

    private static string? Code<T>(T? value) where T : struct, Enum => value is { } v ? Codes.Of(v) : null;

    private static async Task WriteTextAsync(ZipArchive archive, string name, string text, CancellationToken cancellationToken)
    {
        using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        await entry.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }
}
