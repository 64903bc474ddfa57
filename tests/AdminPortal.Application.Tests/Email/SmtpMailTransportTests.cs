using System.Net;
using System.Net.Sockets;
using System.Text;
using AdminPortal.Application.Notifications;
using AdminPortal.Infrastructure.Email;
using AdminPortal.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Tests.Email;

/// <summary>Invitations and notifications through an SMTP server: a sink started by the test takes the place of the server.</summary>
public sealed class SmtpMailTransportTests
{
    private const string Invitee = "invitee@example.test";

    private static readonly string Link = "https://portal.example.test/account/accept-invitation?userId=0f8fad5b-d9cb-469f-a165-70867728950e&code="
        + string.Concat(Enumerable.Repeat("Q2ZESjhBTmFfY29uZmlybWF0aW9uX3Rva2Vu", 8));

    [Fact]
    public async Task An_invitation_reaches_the_smtp_server_addressed_to_the_invitee_with_its_subject_and_the_whole_link()
    {
        using var sink = new SmtpSink();

        await Sender(sink.Port, "AdminPortal <no-reply@example.test>").SendConfirmationLinkAsync(InvitedUser(), Invitee, Link);
        await sink.Session.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal([Invitee], sink.Recipients);
        var (headers, body) = Parse(sink.Data);
        Assert.Contains(Invitee, headers["To"], StringComparison.Ordinal);
        Assert.Equal("You are invited to AdminPortal", headers["Subject"]);
        Assert.StartsWith("Hello Jörg Übermann,", body, StringComparison.Ordinal);
        Assert.Contains(Link, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sender_address_comes_from_the_options()
    {
        using var sink = new SmtpSink();

        await Sender(sink.Port, "Numbers Desk <numbers-desk@example.test>").SendConfirmationLinkAsync(InvitedUser(), Invitee, Link);
        await sink.Session.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal("numbers-desk@example.test", sink.Sender);
        Assert.Contains("<numbers-desk@example.test>", Parse(sink.Data).Headers["From"], StringComparison.Ordinal);
    }

    private static PortalUser InvitedUser() => new() { DisplayName = "Jörg Übermann", Email = Invitee, UserName = Invitee };

    [Fact]
    public async Task A_server_that_does_not_answer_gives_MAIL_NOT_SENT_rather_than_an_exception()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var result = await Transport(port, "AdminPortal <no-reply@example.test>").SendAsync(new OutgoingMail(Invitee, "Subject", "Body"), Ct);

        result.Failed(Errors.MailNotSent);
    }

    private static PortalEmailSender Sender(int port, string from) => new(Transport(port, from));

    private static SmtpMailTransport Transport(int port, string from) =>
        new(Options.Create(new EmailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, EnableSsl = false, From = from } }));

    /// <summary>Splits a message into its unfolded headers and its body decoded from its transfer encoding.</summary>
    private static (Dictionary<string, string> Headers, string Body) Parse(string data)
    {
        var end = data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = data[..end].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal)
            .Split("\r\n")
            .Select(h => h.Split(':', 2))
            .ToDictionary(h => h[0], h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var raw = data[(end + 4)..];
        var body = headers.GetValueOrDefault("Content-Transfer-Encoding")?.ToLowerInvariant() switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(raw)),
            "quoted-printable" => DecodeQuotedPrintable(raw),
            _ => raw,
        };
        return (headers, body.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string DecodeQuotedPrintable(string raw)
    {
        var text = raw.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>An SMTP server for one connection that records the envelope and the message instead of delivering it.</summary>
    private sealed class SmtpSink : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);

        public SmtpSink()
        {
            listener.Start();
            Session = ServeAsync(Ct);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public Task Session { get; }

        public string? Sender { get; private set; }

        public List<string> Recipients { get; } = [];

        public string Data { get; private set; } = string.Empty;

        public void Dispose() => listener.Dispose();

        private static string Address(string command) => command[(command.IndexOf('<', StringComparison.Ordinal) + 1)..command.LastIndexOf('>')];

        private async Task ServeAsync(CancellationToken ct)
        {
            using var client = await listener.AcceptTcpClientAsync(ct);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink ESMTP ready".AsMemory(), ct);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                var reply = verb switch
                {
                    "EHLO" => "250-sink greets you\r\n250 HELP",
                    "HELO" or "RSET" or "NOOP" => "250 OK",
                    "MAIL" => Record(() => Sender = Address(line)),
                    "RCPT" => Record(() => Recipients.Add(Address(line))),
                    "DATA" => "354 End data with <CR><LF>.<CR><LF>",
                    "QUIT" => "221 Bye",
                    _ => "502 Command not implemented",
                };
                await writer.WriteLineAsync(reply.AsMemory(), ct);
                if (verb == "DATA")
                {
                    var lines = new List<string>();
                    while (await reader.ReadLineAsync(ct) is { } data && data != ".")
                    {
                        lines.Add(data.StartsWith('.') ? data[1..] : data);
                    }

                    Data = string.Join("\r\n", lines);
                    await writer.WriteLineAsync("250 OK: queued".AsMemory(), ct);
                }
                else if (verb == "QUIT")
                {
                    return;
                }
            }
        }

        private static string Record(Action record)
        {
            record();
            return "250 OK";
        }
    }
}
