using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>A real SMTP server for the tests: Debian's python3 aiosmtpd, writing every message it receives
/// into a Maildir. The application sends to it through MailKit like to any server.
/// Start with <see cref="StartAsync"/>, point a factory at it with <see cref="Configure"/>.</summary>
public sealed partial class SmtpCatcher : IAsyncDisposable
{
    private readonly Process _server;
    private readonly string _maildir;
    private readonly HashSet<string> _taken = [];
    private readonly StringBuilder _log = new();

    private SmtpCatcher(Process server, string maildir, int port)
    {
        _server = server;
        _maildir = maildir;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpCatcher> StartAsync()
    {
        var maildir = Path.Combine(Path.GetTempPath(), "rcphub-tests", "smtp-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }
        var port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var server = Process.Start(start) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start.");
        var catcher = new SmtpCatcher(server, maildir, port);
        server.ErrorDataReceived += (_, e) => catcher.Log(e.Data);
        server.OutputDataReceived += (_, e) => catcher.Log(e.Data);
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();
        await catcher.WaitUntilListeningAsync(TimeSpan.FromSeconds(20));
        return catcher;
    }

    /// <summary>Sends the factory's mail here.</summary>
    public void Configure(RcpHubFactory factory)
    {
        factory.Settings["Smtp:Host"] = "127.0.0.1";
        factory.Settings["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The next message to <paramref name="email"/> not returned before, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<MimeMessageText> WaitForMessageToAsync(string email, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(_maildir, "new")).Order(StringComparer.Ordinal))
            {
                lock (_taken)
                {
                    if (_taken.Contains(file))
                    {
                        continue;
                    }
                }
                var message = MimeMessageText.Parse(await File.ReadAllTextAsync(file, Encoding.UTF8));
                if (message.Recipients.Any(r => string.Equals(r, email, StringComparison.OrdinalIgnoreCase)))
                {
                    lock (_taken)
                    {
                        if (_taken.Add(file))
                        {
                            return message;
                        }
                    }
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No email to {email} within {timeout}. SMTP catcher log:\n{LogText}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Whether any message to <paramref name="email"/> arrived (returned before or not).</summary>
    public async Task<bool> HasMessageToAsync(string email)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(_maildir, "new")))
        {
            var message = MimeMessageText.Parse(await File.ReadAllTextAsync(file, Encoding.UTF8));
            if (message.Recipients.Any(r => string.Equals(r, email, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>How many messages to <paramref name="email"/> arrived (returned before or not).</summary>
    public async Task<int> CountMessagesToAsync(string email)
    {
        var count = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(_maildir, "new")))
        {
            var message = MimeMessageText.Parse(await File.ReadAllTextAsync(file, Encoding.UTF8));
            count += message.Recipients.Count(r => string.Equals(r, email, StringComparison.OrdinalIgnoreCase));
        }
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server.Dispose();
        try
        {
            Directory.Delete(_maildir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder under the temp directory is harmless.
        }
    }

    private string LogText
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"The SMTP catcher exited with code {_server.ExitCode} (is python3-aiosmtpd installed?):\n{LogText}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>An attachment of a received email: its file name, media type and text.</summary>
public sealed record MailAttachment(string? FileName, string MediaType, string Text);

/// <summary>A received email: its recipients, decoded subject, text body and attachments (read with MimeKit).</summary>
public sealed partial record MimeMessageText(IReadOnlyList<string> Recipients, string Subject, string Body, IReadOnlyList<MailAttachment> Attachments)
{
    /// <summary>The path and query of the first link in the body whose path starts with <paramref name="path"/>.</summary>
    public string LinkTo(string path)
    {
        foreach (Match match in UrlPattern().Matches(Body))
        {
            var uri = new Uri(match.Value);
            if (uri.AbsolutePath.StartsWith(path, StringComparison.Ordinal))
            {
                return uri.PathAndQuery;
            }
        }
        throw new InvalidOperationException($"No link to {path} in:\n{Body}");
    }

    /// <summary>Reads a message with the headers aiosmtpd adds (X-RcptTo).</summary>
    public static MimeMessageText Parse(string raw)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        var message = MimeKit.MimeMessage.Load(stream);
        var recipients = (message.Headers["X-RcptTo"] is { Length: > 0 } rcpt
                ? rcpt.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : message.To.Mailboxes.Select(m => m.Address))
            .Select(r => AngleAddress().Match(r) is { Success: true } m ? m.Groups[1].Value : r)
            .ToList();
        var attachments = message.Attachments.OfType<MimeKit.TextPart>()
            .Select(a => new MailAttachment(a.FileName, a.ContentType.MimeType, a.Text))
            .ToList();
        return new MimeMessageText(recipients, message.Subject ?? "", (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal), attachments);
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"<([^>]+)>")]
    private static partial Regex AngleAddress();
}
