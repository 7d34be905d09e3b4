using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>A real SMTP server for the tests: Debian's python3 aiosmtpd, writing every message it receives
/// into a Maildir. The application sends to it through System.Net.Mail like to any server.
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

/// <summary>A received plain-text email: its recipients, decoded subject and decoded body.</summary>
public sealed partial record MimeMessageText(IReadOnlyList<string> Recipients, string Subject, string Body)
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

    /// <summary>Reads a message as System.Net.Mail writes it (one text part, quoted-printable, base64 or 8bit)
    /// with the headers aiosmtpd adds (X-RcptTo).</summary>
    public static MimeMessageText Parse(string raw)
    {
        raw = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 2)..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in headerText.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }
        string? Header(string name) => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        if (Header("Content-Type") is { } type && type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("Multipart messages are not expected from RcpHub's EmailSender.");
        }
        var recipients = (Header("X-RcptTo") ?? Header("To") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => AngleAddress().Match(r) is { Success: true } m ? m.Groups[1].Value : r)
            .ToList();
        var decodedBody = (Header("Content-Transfer-Encoding") ?? "7bit").ToLowerInvariant() switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
            "quoted-printable" => DecodeQuotedPrintable(body),
            _ => body,
        };
        return new MimeMessageText(recipients, DecodeEncodedWords(Header("Subject") ?? ""), decodedBody.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        text = text.Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>RFC 2047 encoded words (=?utf-8?B?...?= and =?utf-8?Q?...?=); whitespace between two of them is dropped.</summary>
    private static string DecodeEncodedWords(string value)
    {
        value = BetweenEncodedWords().Replace(value, "?==?");
        return EncodedWord().Replace(value, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var data = m.Groups[3].Value;
            if (m.Groups[2].Value is "B" or "b")
            {
                return charset.GetString(Convert.FromBase64String(data));
            }
            return DecodeQuotedPrintable(data.Replace('_', ' '));
        });
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"<([^>]+)>")]
    private static partial Regex AngleAddress();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenEncodedWords();
}
