using MimeKit;

namespace Varna.Features.Email;

// A message Värna sends. Callers build only notifications: a greeting, a sentence and a link,
// never the details of an incident (see docs/decisions/005-email-without-details.md).
public sealed record OutgoingMail(string To, string Subject, string TextBody);

public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

public static class MailBuilder
{
    public static MimeMessage ToMime(this OutgoingMail mail, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.TextBody };
        return message;
    }
}
