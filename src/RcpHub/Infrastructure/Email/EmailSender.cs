using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace RcpHub.Infrastructure.Email;

public sealed class SmtpOptions
{
    /// <summary>SMTP server; when empty, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "RcpHub <no-reply@rcphub.localhost>";

    /// <summary>Where mail goes when no SMTP server is configured, so that a newcomer can still read invitation and reset links.</summary>
    public string PickupDirectory { get; set; } = "data/mail";
}

public sealed class MailNotSentException(string message, Exception inner) : Exception(message, inner);

/// <summary>A mail ready to go: plain text, and an optional iCalendar object attached.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string? Calendar = null, string? CalendarMethod = null);

/// <summary>Sends mail through real SMTP (MailKit). Mail that tells people about a change goes through the
/// <see cref="Outbox"/>; only mail carrying a secret (a sign-up or reset link) is sent from here directly.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, IWebHostEnvironment environment, ILogger<EmailSender> logger)
{
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        var failures = await SendAsync([new OutgoingMail(to, subject, textBody)], cancellationToken);
        if (failures[0] is { } failure)
        {
            throw new MailNotSentException($"The mail to {to} could not be sent: {failure.Message}", failure);
        }
    }

    /// <summary>Sends each mail over one connection; the answer holds, for each, null when it left or what went wrong.</summary>
    public async Task<Exception?[]> SendAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var outcomes = new Exception?[mails.Count];
        if (mails.Count == 0)
        {
            return outcomes;
        }
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.PickupDirectory));
            Directory.CreateDirectory(folder);
            foreach (var mail in mails)
            {
                using var message = Message(o, mail);
                await message.WriteToAsync(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".eml"), cancellationToken);
            }
            logger.LogInformation("No SMTP server configured: {Count} mail(s) written to {Folder}", mails.Count, folder);
            return outcomes;
        }
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(o.Host, o.Port, o.EnableSsl ? SecureSocketOptions.Auto : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.Security.AuthenticationException or SslHandshakeException or SmtpCommandException)
        {
            Array.Fill(outcomes, e);
            return outcomes;
        }
        for (var i = 0; i < mails.Count; i++)
        {
            try
            {
                using var message = Message(o, mails[i]);
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or SmtpCommandException or ParseException)
            {
                outcomes[i] = e;
                if (!client.IsConnected)
                {
                    // The rest cannot go over this connection; the outbox tries them again.
                    for (var j = i + 1; j < mails.Count; j++)
                    {
                        outcomes[j] = e;
                    }
                    return outcomes;
                }
            }
        }
        await client.DisconnectAsync(quit: true, cancellationToken);
        return outcomes;
    }

    private static MimeMessage Message(SmtpOptions o, OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        var text = new TextPart("plain") { Text = mail.Body };
        text.ContentType.Charset = "utf-8";
        if (mail.Calendar is null)
        {
            message.Body = text;
            return message;
        }
        // Attached as a file (invitation.ics) and declared with its METHOD, so that mail clients offer to add it to
        // the calendar and calendar clients match it to the event by its UID.
        var calendar = new TextPart("calendar")
        {
            Text = mail.Calendar,
            FileName = "invitation.ics",
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "invitation.ics" },
        };
        calendar.ContentType.Charset = "utf-8";
        calendar.ContentType.Parameters.Add("method", mail.CalendarMethod ?? "REQUEST");
        message.Body = new Multipart("mixed") { text, calendar };
        return message;
    }
}
