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
        _ => throw new ArgumentOutOfRangeException(nameof(notification), notification.Kind, "No text for this notification."),
    };

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
