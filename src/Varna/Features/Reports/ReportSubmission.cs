using Varna.Features.Cases;
using Varna.Features.Notifications;

namespace Varna.Features.Reports;

public sealed record SubmittedReport(Report Report, Case Case);

// The one handler behind /rapportera, the officer's on-behalf form and POST /api/v1/reports.
// When it returns, the report, its case and the officers' notification are committed together.
public sealed class ReportSubmission(AppDbContext db, TimeProvider time, NotificationSignal signal, ReportWriter writer)
{
    public async Task<Result<SubmittedReport>> SubmitAsync(Reporter reporter, ReportRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var validated = ReportValidation.Validate(request, now);
        var errors = new List<Error>(validated.Errors);
        var representativeId = await ResolveRepresentativeAsync(reporter, request, errors, cancellationToken);
        if (errors.Count > 0) return Result<SubmittedReport>.Fail(errors);

        var draft = validated.Value! with { RepresentativeId = representativeId };
        // An officer who did not say how the report reached them still did not type it in for themselves.
        if (request.OnBehalfOfRepresentativeId is not null && draft.IntakeMethod == IntakeMethod.SelfService)
            draft = draft with { IntakeMethod = IntakeMethod.Other };
        var submitted = await SaveAsync(reporter, draft, now, cancellationToken);
        signal.Wake();
        return Result<SubmittedReport>.Ok(submitted);
    }

    // Only a security officer reports for someone else, and only for a representative of their own
    // organisation; an id from elsewhere is as unknown as a made-up one.
    private async Task<Guid?> ResolveRepresentativeAsync(Reporter reporter, ReportRequest request, List<Error> errors, CancellationToken cancellationToken)
    {
        const string field = nameof(ReportRequest.OnBehalfOfRepresentativeId);
        if (request.OnBehalfOfRepresentativeId is not { } id)
        {
            if (request.ReceivedVia is not null) errors.Add(new Error(nameof(ReportRequest.ReceivedVia), "Report.ReceivedViaOnlyOnBehalf"));
            return reporter.RepresentativeId;
        }
        if (!reporter.IsOfficer) { errors.Add(new Error(field, "Report.OnBehalfOfficersOnly")); return null; }
        if (!await db.Representatives.AnyAsync(r => r.Id == id, cancellationToken))
            errors.Add(new Error(field, "Report.UnknownRepresentative"));
        return id;
    }

    private async Task<SubmittedReport> SaveAsync(Reporter reporter, ReportDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == reporter.OrganisationId)
            .Select(o => new { o.ReferencePrefix, o.Settings })
            .SingleAsync(cancellationToken);
        var level = ConcernRules.InitialLevel(draft.DangerNow, draft.Types, draft.Target);
        var due = ConcernRules.FirstContactDue(level, draft.Wish, organisation.Settings, now);
        // Not cancelled with the request: once queued, the report is written even if the caller has
        // gone, rather than leaving them unsure whether it arrived.
        return await writer.WriteAsync(new PendingReport(reporter, draft, now, organisation.ReferencePrefix, level, due));
    }
}
