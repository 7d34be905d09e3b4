using System.Net.Mail;
using Microsoft.Extensions.Options;

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

/// <summary>Sends mail through real SMTP (System.Net.Mail; MailKit is not available here).</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, IWebHostEnvironment environment, ILogger<EmailSender> logger)
{
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        using var message = new MailMessage(MailAddress(o.From), new MailAddress(to))
        {
            Subject = subject,
            Body = textBody,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.PickupDirectory));
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
            logger.LogInformation("No SMTP server configured: mail to {To} written to {Folder}", to, folder);
        }
        else
        {
            client.Host = o.Host;
            client.Port = o.Port;
            client.EnableSsl = o.EnableSsl;
            if (!string.IsNullOrEmpty(o.UserName))
            {
                client.Credentials = new System.Net.NetworkCredential(o.UserName, o.Password);
            }
        }
        await client.SendMailAsync(message, cancellationToken);
    }

    private static MailAddress MailAddress(string value) => new(value);
}
