namespace Varna.Features.Notifications;

// The words of each notification, Swedish first and then English, because the recipient's chosen
// language is not stored. Deliberately nothing about the case: only that something is waiting
// and where to sign in (docs/decisions/005-email-without-details.md).
public sealed record NotificationMail(string Subject, Func<string, string> Body);

public static class NotificationTexts
{
    public static NotificationMail For(Notification notification, int count, string baseUrl) => notification.Kind switch
    {
        NotificationKind.CaseReported => new("Ny rapport i Värna / New report in Värna", name => Body(name,
            count == 1 ? "Det har kommit in en ny rapport till er organisation i Värna. Logga in för att läsa den."
                : $"Det har kommit in {count} nya rapporter till er organisation i Värna. Logga in för att läsa dem.",
            count == 1 ? "A new report has reached your organisation in Värna. Sign in to read it."
                : $"{count} new reports have reached your organisation in Värna. Sign in to read them.",
            count == 1 ? $"{baseUrl}/arenden/{notification.SubjectId}" : baseUrl + "/")),
        NotificationKind.MessageFromReporter => new("Nytt meddelande i Värna / New message in Värna", name => Body(name,
            "En förtroendevald har skrivit till er i Värna. Logga in för att läsa meddelandet.",
            "An elected representative has written to you in Värna. Sign in to read the message.",
            baseUrl + "/")),
        NotificationKind.MessageToReporter => new("Nytt meddelande i Värna / New message in Värna", name => Body(name,
            "Du har fått ett nytt meddelande från en säkerhetsansvarig i Värna. Logga in för att läsa det.",
            "You have a new message from a security officer in Värna. Sign in to read it.",
            $"{baseUrl}/mina-rapporter/{notification.SubjectId}")),
        NotificationKind.ReportUpdated => new("Ny information i Värna / New information in Värna", name => Body(name,
            "En förtroendevald har lagt till information i en rapport i Värna. Logga in för att läsa den.",
            "An elected representative has added information to a report in Värna. Sign in to read it.",
            baseUrl + "/")),
        NotificationKind.FirstContactOverdue => new("Första kontakten är försenad i Värna / First contact overdue in Värna", name => Body(name,
            count == 1 ? "Tiden för första kontakt i ett ärende har gått ut utan att någon kontakt är registrerad. Logga in för att se ärendet."
                : $"Tiden för första kontakt har gått ut i {count} ärenden utan att någon kontakt är registrerad. Logga in för att se dem.",
            count == 1 ? "The first-contact deadline of a case has passed and no contact has been logged. Sign in to see the case."
                : $"The first-contact deadline of {count} cases has passed and no contact has been logged. Sign in to see them.",
            CaseOrInbox(notification, count, baseUrl))),
        NotificationKind.FirstContactLate => new("Första kontakten är ett dygn sen i Värna / First contact a day late in Värna", name => Body(name,
            count == 1 ? "Ett ärende har väntat på första kontakt i mer än ett dygn efter tidsgränsen. Logga in för att se ärendet."
                : $"{count} ärenden har väntat på första kontakt i mer än ett dygn efter tidsgränsen. Logga in för att se dem.",
            count == 1 ? "A case has waited for first contact for more than a day past its deadline. Sign in to see the case."
                : $"{count} cases have waited for first contact for more than a day past their deadline. Sign in to see them.",
            CaseOrInbox(notification, count, baseUrl))),
        NotificationKind.FollowUpDue => new("Uppföljning att göra i Värna / Follow-up due in Värna", name => Body(name,
            count == 1 ? "Du har en uppföljning som ska göras nu. Logga in för att se din att göra-lista."
                : $"Du har {count} uppföljningar som ska göras nu. Logga in för att se din att göra-lista.",
            count == 1 ? "You have a follow-up that is due. Sign in to see your to-do list."
                : $"You have {count} follow-ups that are due. Sign in to see your to-do list.",
            baseUrl + "/arenden/att-gora")),
        NotificationKind.MeasureReviewDue => new("Åtgärd att se över i Värna / Measure review due in Värna", name => Body(name,
            count == 1 ? "Det är dags att se över en åtgärd i ett ärende. Logga in för att se din att göra-lista."
                : $"Det är dags att se över {count} åtgärder i ärenden. Logga in för att se din att göra-lista.",
            count == 1 ? "A measure in a case is due for review. Sign in to see your to-do list."
                : $"{count} measures in cases are due for review. Sign in to see your to-do list.",
            baseUrl + "/arenden/att-gora")),
        _ => throw new ArgumentOutOfRangeException(nameof(notification), notification.Kind, "No text for this notification."),
    };

    // One case: straight to it; several: the inbox, which lists overdue cases first.
    private static string CaseOrInbox(Notification notification, int count, string baseUrl) =>
        count == 1 ? $"{baseUrl}/arenden/{notification.SubjectId}" : baseUrl + "/arenden";

    private static string Body(string name, string swedish, string english, string link) => $"""
        Hej {name},

        {swedish}

        {link}

        Av säkerhetsskäl står inget om ärendet i e-postmeddelandet.

        ---

        Hello {name},

        {english}
        For your safety, this e-mail says nothing about the matter itself.
        """;
}
