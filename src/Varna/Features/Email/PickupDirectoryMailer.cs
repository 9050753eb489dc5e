using Microsoft.Extensions.Options;

namespace Varna.Features.Email;

// Without SMTP, each message becomes an .eml file that any mail program opens.
public sealed class PickupDirectoryMailer(IOptions<SmtpOptions> options, TimeProvider time) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        await using var file = File.Create(Path.Combine(directory, name));
        await mail.ToMime(options.Value.From).WriteToAsync(file, cancellationToken);
    }
}
