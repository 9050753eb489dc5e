namespace Varna.Features.Notifications;

public enum NotificationKind
{
    // A new report opened a case: tell the organisation's security officers.
    CaseReported,
    // The reporter wrote a message: tell the security officers.
    MessageFromReporter,
    // An officer wrote to the reporter: tell the reporter.
    MessageToReporter,
    // The reporter added information or evidence to a submitted report: tell the security officers.
    ReportUpdated,
    // The case clock: first contact is overdue, and then a day late. Subject: the case. To the officers.
    FirstContactOverdue,
    FirstContactLate,
    // The case clock: a follow-up fell due. Subject: the follow-up. To its officer.
    FollowUpDue,
    // The case clock: a measure's review date came. Subject: the measure. To its owner officer, else
    // the case's assignee, else the officers.
    MeasureReviewDue,
}

// An e-mail still to be sent, written in the same transaction as the change it announces (an
// outbox). The report is acknowledged once it is committed, whether or not the mail server is up;
// the dispatcher sends later and retries. Holds ids only, never content.
public sealed class Notification
{
    private Notification() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public NotificationKind Kind { get; private set; }
    // The case, report, follow-up or measure the notification is about (see NotificationKind).
    public Guid SubjectId { get; private set; }
    // Set when one person is to be told; otherwise the organisation's security officers are.
    public Guid? RecipientUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    // While set in the future, one node is sending this notification and the others leave it alone.
    public DateTimeOffset? LeasedUntil { get; set; }
    // The dispatcher run that holds the lease, so it can find exactly the rows it took.
    public Guid? LeaseOwner { get; set; }
    public string? LastError { get; set; }

    public static Notification Create(Guid organisationId, NotificationKind kind, Guid subjectId, Guid? recipientUserId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        Kind = kind,
        SubjectId = subjectId,
        RecipientUserId = recipientUserId,
        CreatedAt = now,
    };
}
