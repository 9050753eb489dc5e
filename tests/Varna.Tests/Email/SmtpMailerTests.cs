using Microsoft.Extensions.Options;
using MimeKit;
using Varna.Features.Email;

namespace Varna.Tests.Email;

public sealed class SmtpMailerTests
{
    [Fact]
    public async Task Configured_smtp_server_receives_the_message_with_swedish_text_intact()
    {
        await using var server = new FakeSmtpServer();
        var mailer = new SmtpMailer(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            UseStartTls = false,
            From = "Värna <no-reply@demokommun.se>",
        }));

        await mailer.SendAsync(new OutgoingMail("anna.nilsson@demokommun.se", "Välkommen till Värna", "Hej Anna, välj lösenord: http://localhost/konto/valj-losenord?kod=x"));

        var (from, to, data) = Assert.Single(server.Received);
        Assert.Contains("no-reply@demokommun.se", from);
        Assert.Contains("<anna.nilsson@demokommun.se>", Assert.Single(to));
        var message = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(data)));
        Assert.Equal("Välkommen till Värna", message.Subject);
        Assert.Contains("välj lösenord", message.TextBody);
    }
}
