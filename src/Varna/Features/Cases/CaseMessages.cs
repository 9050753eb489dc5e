using Varna.Features.Reports;

namespace Varna.Features.Cases;

public sealed record CaseMessageRequest(Guid? ReportId, string? Body);

public sealed record CaseMessageResponse(Guid Id, Guid ReportId, bool FromReporter, string Author, string Body, DateTimeOffset SentAt);

// The conversation with the reporters of a case, for the API: every report's messages in one list,
// and a new message to the reporter of one report (the only one, when the case has just one).
public static class CaseMessages
{
    // Null when the case does not exist for the caller.
    public static async Task<List<CaseMessageResponse>?> ListAsync(AppDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken)) return null;
        return await db.ReportMessages.AsNoTracking()
            .Join(db.Reports.Where(r => r.CaseId == caseId), m => m.ReportId, r => r.Id, (m, r) => m)
            .Join(db.Users, m => m.AuthorUserId, u => u.Id, (m, u) => new { m, u.DisplayName })
            .OrderBy(x => x.m.SentAt).ThenBy(x => x.m.Id)
            .Select(x => new CaseMessageResponse(x.m.Id, x.m.ReportId, x.m.FromReporter, x.DisplayName, x.m.Body, x.m.SentAt))
            .ToListAsync(cancellationToken);
    }

    // ReportConversation writes the message, its timeline line and the e-mail to the reporter.
    public static async Task<Result<ReportMessage>?> SendAsync(AppDbContext db, ReportQueries reports,
        ReportConversation conversation, Reporter caller, Guid caseId, CaseMessageRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken)) return null;
        var reportIds = await db.Reports.Where(r => r.CaseId == caseId).Select(r => r.Id).ToListAsync(cancellationToken);
        Guid reportId;
        if (request.ReportId is { } chosen)
        {
            if (!reportIds.Contains(chosen)) return new Error(nameof(CaseMessageRequest.ReportId), "Case.ReportNotInCase");
            reportId = chosen;
        }
        else if (reportIds.Count == 1) reportId = reportIds[0];
        // A case merged into another has handed its reports, and their conversations, over.
        else if (reportIds.Count == 0) return new Error(nameof(CaseMessageRequest.ReportId), "Case.NoReports");
        else return new Error(nameof(CaseMessageRequest.ReportId), "Case.ChooseReport");
        if (await reports.FindAsync(caller, reportId, cancellationToken) is not var (report, _)) return null;
        return await conversation.SendAsync(caller, report, request.Body, cancellationToken);
    }
}
