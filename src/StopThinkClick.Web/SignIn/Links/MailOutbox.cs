using System.Net;
using System.Net.Mail;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace StopThinkClick.Web.SignIn.Links;

/// <summary>
/// The school's mail server, written to in the background: a page that sends mail answers as fast
/// whether or not it sends any, so the forgotten-password page cannot tell a real address from an
/// unknown one by its timing, and telling every safeguarding lead of a change does not hold up the
/// page that made it. A message the server refuses is logged (without its address or body) and
/// dropped; the links it carried can be made again.
/// </summary>
public sealed class MailOutbox(IOptions<MailOptions> mail, ILogger<MailOutbox> logger) : BackgroundService
{
    public sealed record Message(string To, string Subject, string Body);

    // Bounded, so a flood of forgotten-password requests cannot fill the memory: beyond it the
    // oldest waiting message is dropped (the rate limit on the page keeps this far away).
    readonly Channel<Message> waiting = Channel.CreateBounded<Message>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public bool Configured => mail.Value.Configured;

    /// <summary>Queues one message; returns at once. Without a mail server it does nothing.</summary>
    public void Send(string to, string subject, string body)
    {
        if (Configured) waiting.Writer.TryWrite(new Message(to, subject, body));
    }

    /// <summary>Hands one message to the mail server now, for a command with no outbox running; throws if the server does not take it.</summary>
    public Task SendNowAsync(string to, string subject, string body, CancellationToken ct) => DeliverAsync(new Message(to, subject, body), ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in waiting.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await DeliverAsync(message, stoppingToken);
            }
            catch (Exception e) when (e is SmtpException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                logger.LogWarning("The mail server did not take a message ({Subject}): {Error}", message.Subject, e.Message);
            }
        }
    }

    async Task DeliverAsync(Message message, CancellationToken ct)
    {
        var options = mail.Value;
        using var client = new SmtpClient(options.SmtpHost, options.SmtpPort) { EnableSsl = options.EnableSsl };
        if (!string.IsNullOrEmpty(options.UserName)) client.Credentials = new NetworkCredential(options.UserName, options.Password);
        using var mailMessage = new MailMessage(options.From, message.To, message.Subject, message.Body);
        await client.SendMailAsync(mailMessage, ct);
    }
}
