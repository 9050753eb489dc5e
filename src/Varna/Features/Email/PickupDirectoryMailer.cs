using Microsoft.Extensions.Options;

namespace Varna.Features.Email;

// Without SMTP, each message becomes an .eml file that any mail program opens. It is written under
// a temporary name and then renamed, so a reader never sees half a message.
public sealed class PickupDirectoryMailer(IOptions<SmtpOptions> options, TimeProvider time) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var name = Path.Combine(directory, $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        var partial = name + ".tmp";
        await using (var file = File.Create(partial))
            await mail.ToMime(options.Value.From).WriteToAsync(file, cancellationToken);
        File.Move(partial, name);
    }
}
