using System.Net.Sockets;
using System.Text;

namespace Varna.Tests.Email;

// Just enough of SMTP (RFC 5321) on loopback to receive what the app sends, so the MailKit path is
// exercised over a real socket. One message per connection; no TLS, no auth.
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public FakeSmtpServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public List<(string From, List<string> To, string Data)> Received { get; } = [];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost fake SMTP");
            string from = "", data;
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO": await writer.WriteLineAsync("250 localhost"); break;
                    case "MAIL": from = line[10..]; await writer.WriteLineAsync("250 OK"); break;
                    case "RCPT": to.Add(line[8..]); await writer.WriteLineAsync("250 OK"); break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End with <CRLF>.<CRLF>");
                        var body = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            body.Append(dataLine.StartsWith("..") ? dataLine[1..] : dataLine).Append("\r\n");
                        data = body.ToString();
                        lock (Received) Received.Add((from, to, data));
                        await writer.WriteLineAsync("250 Queued");
                        break;
                    case "QUIT": await writer.WriteLineAsync("221 Bye"); goto done;
                    default: await writer.WriteLineAsync("250 OK"); break;
                }
            }
            done:;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
    }
}
