namespace Varna.Features.Reports;

// The conversation between a reporter and the organisation's security officers. It belongs to the
// report, not the case: when cases are merged, each reporter keeps a conversation of their own.
public sealed class ReportMessage : IOrganisationOwned
{
    public const int MaxLength = 10_000;

    private ReportMessage() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ReportId { get; private set; }
    public Guid AuthorUserId { get; private set; }
    public bool FromReporter { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }

    public static Result<ReportMessage> Write(Report report, Guid author, bool fromReporter, string? body, DateTimeOffset now)
    {
        body = body?.Trim() ?? "";
        if (body.Length == 0) return new Error(nameof(Body), "Validation.Required");
        if (body.Length > MaxLength) return new Error(nameof(Body), "Validation.TooLongNamed", MaxLength);
        return Result<ReportMessage>.Ok(new ReportMessage
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = report.OrganisationId,
            ReportId = report.Id,
            AuthorUserId = author,
            FromReporter = fromReporter,
            Body = body,
            SentAt = now,
        });
    }
}

// Information the reporter adds after submitting ("it happened again", "I remembered the name").
// Kept beside the original account instead of editing it.
public sealed class ReportSupplement : IOrganisationOwned
{
    private ReportSupplement() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ReportId { get; private set; }
    public Guid AuthorUserId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset AddedAt { get; private set; }

    public static Result<ReportSupplement> Add(Report report, Guid author, string? text, DateTimeOffset now)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0) return new Error(nameof(Text), "Validation.Required");
        if (text.Length > Report.MaxDescriptionLength) return new Error(nameof(Text), "Validation.TooLongNamed", Report.MaxDescriptionLength);
        return Result<ReportSupplement>.Ok(new ReportSupplement
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = report.OrganisationId,
            ReportId = report.Id,
            AuthorUserId = author,
            Text = text,
            AddedAt = now,
        });
    }
}
