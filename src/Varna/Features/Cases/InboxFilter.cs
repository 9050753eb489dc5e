using Varna.Features.Reports;

namespace Varna.Features.Cases;

public enum AssigneeChoice { Anyone, Me, Unassigned, Officer }

// The inbox's filters as they arrive (query string of the page or the API), all text, so that a
// wrong value is named and refused instead of silently ignored.
public sealed record InboxParameters(string? Status, string? Concern, string? Assignee, string? Overdue, string? Type, string? Page);

public sealed record InboxFilter(CaseStatus? Status, ConcernLevel? Concern, AssigneeChoice Assignee, Guid? AssigneeId,
    bool OverdueOnly, IncidentType? Type, int Page)
{
    public const string Me = "me";
    public const string Unassigned = "unassigned";

    public static readonly InboxFilter All = new(null, null, AssigneeChoice.Anyone, null, false, null, 1);

    // Error fields are the parameters' names (Status, Concern, ...), which the API camel-cases
    // and the page shows next to the matching filter. A named assignee must be one of the officers.
    public static Result<InboxFilter> Parse(InboxParameters p, IReadOnlyCollection<Guid> officers)
    {
        var errors = new List<Error>();
        CaseStatus? status = null;
        if (!string.IsNullOrWhiteSpace(p.Status))
        {
            if (Codes.TryParse<CaseStatus>(p.Status, out var s) && s != CaseStatus.Closed) status = s;
            else errors.Add(CodeInput.Unknown<CaseStatus>(nameof(p.Status), p.Status, CaseStatus.Closed));
        }
        var concern = CodeInput.Optional<ConcernLevel>(p.Concern, nameof(p.Concern), errors);
        var type = CodeInput.Optional<IncidentType>(p.Type, nameof(p.Type), errors);

        var (assignee, assigneeId) = (AssigneeChoice.Anyone, (Guid?)null);
        var who = p.Assignee?.Trim();
        if (string.IsNullOrEmpty(who)) { }
        else if (string.Equals(who, Me, StringComparison.OrdinalIgnoreCase)) assignee = AssigneeChoice.Me;
        else if (string.Equals(who, Unassigned, StringComparison.OrdinalIgnoreCase)) assignee = AssigneeChoice.Unassigned;
        else if (Guid.TryParse(who, out var officer) && officers.Contains(officer)) (assignee, assigneeId) = (AssigneeChoice.Officer, officer);
        else errors.Add(new Error(nameof(p.Assignee), "Validation.UnknownCodeAllowed", Truncate(who),
            string.Join(", ", new[] { Me, Unassigned }.Concat(officers.Select(o => o.ToString())))));

        var overdue = false;
        var flag = p.Overdue?.Trim();
        if (string.IsNullOrEmpty(flag) || string.Equals(flag, "false", StringComparison.OrdinalIgnoreCase)) { }
        else if (string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase)) overdue = true;
        else errors.Add(new Error(nameof(p.Overdue), "Validation.UnknownCodeAllowed", Truncate(flag), "true, false"));

        var page = 1;
        if (!string.IsNullOrWhiteSpace(p.Page) && (!int.TryParse(p.Page, out page) || page < 1))
            errors.Add(new Error(nameof(p.Page), "Validation.InvalidValue", Truncate(p.Page), "page"));

        return errors.Count > 0
            ? Result<InboxFilter>.Fail(errors)
            : Result<InboxFilter>.Ok(new InboxFilter(status, concern, assignee, assigneeId, overdue, type, page));
    }

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
