using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RcpHub.Features.Reports;

/// <summary>One headless Chromium kept running by this instance and driven over the DevTools protocol: each print opens
/// its own page (a new target), prints it (<c>Page.printToPDF</c>) and closes it, so nothing one request leaves in it is
/// read by another. Launching Chromium for every PDF cost about 0.6 s of processor time before it printed anything
/// (docs/decisions/0030). The browser is started on the first print and again after it died or stopped answering.</summary>
internal sealed class ChromiumBrowser : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ClientWebSocket _socket;
    private readonly string _profile;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _answers = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _loads = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Task _receiving;
    private int _lastId;

    private ChromiumBrowser(Process process, ClientWebSocket socket, string profile)
    {
        (_process, _socket, _profile) = (process, socket, profile);
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>Whether the browser still runs and answers: a dead one is replaced before the next print.</summary>
    public bool Alive => !_process.HasExited && _socket.State == WebSocketState.Open && !_receiving.IsCompleted;

    /// <summary>Starts Chromium with its DevTools on a free loopback port and connects to it. Throws when it cannot
    /// (missing, refused to start, no DevTools address within <see cref="StartLimit"/>).</summary>
    public static async Task<ChromiumBrowser> StartAsync(string executable, CancellationToken ct)
    {
        var profile = Directory.CreateTempSubdirectory("rcphub-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-extensions", "--mute-audio", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            $"--user-data-dir={profile}", "about:blank"])
        {
            start.ArgumentList.Add(argument);
        }
        Process? process = null;
        try
        {
            process = Process.Start(start)!;
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(StartLimit);
            // Chromium says where its DevTools listen on its error stream; the rest of that stream is drained unread, so
            // that a chatty browser never blocks on a full pipe.
            string? address = null;
            while (address is null && await process.StandardError.ReadLineAsync(limit.Token) is { } line)
            {
                const string Listening = "DevTools listening on ";
                if (line.StartsWith(Listening, StringComparison.Ordinal))
                {
                    address = line[Listening.Length..].Trim();
                }
            }
            if (address is null)
            {
                throw new InvalidOperationException($"Chromium exited before it listened for DevTools (exit code {(process.HasExited ? process.ExitCode : -1)}).");
            }
            _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri(address), limit.Token);
            return new ChromiumBrowser(process, socket, profile);
        }
        catch
        {
            Stop(process, profile);
            throw;
        }
    }

    /// <summary>Prints the page at <paramref name="url"/> (a file beside its stylesheet) to PDF in a page of its own.</summary>
    public async Task<byte[]> PrintAsync(Uri url, CancellationToken ct)
    {
        var target = (await CallAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, ct))["targetId"]!.GetValue<string>();
        try
        {
            var session = (await CallAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true }, null, ct))["sessionId"]!.GetValue<string>();
            await CallAsync("Page.enable", [], session, ct);
            var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _loads[session] = loaded;
            try
            {
                var navigated = await CallAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }, session, ct);
                if (navigated["errorText"] is { } error)
                {
                    throw new InvalidOperationException($"Chromium could not open the document: {error}");
                }
                await loaded.Task.WaitAsync(ct);
            }
            finally
            {
                _loads.TryRemove(session, out _);
            }
            // The same print as `chromium --print-to-pdf --no-pdf-header-footer`: the page's own size and margins.
            var printed = await CallAsync("Page.printToPDF", new JsonObject { ["displayHeaderFooter"] = false, ["preferCSSPageSize"] = true }, session, ct);
            return Convert.FromBase64String(printed["data"]!.GetValue<string>());
        }
        finally
        {
            // The page goes whatever happened; a browser that cannot close it is replaced on the next print.
            try
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await CallAsync("Target.closeTarget", new JsonObject { ["targetId"] = target }, null, close.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or WebSocketException)
            {
            }
        }
    }

    private async Task<JsonObject> CallAsync(string method, JsonObject parameters, string? session, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _lastId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _answers[id] = answer;
        try
        {
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
            if (session is not null)
            {
                message["sessionId"] = session;
            }
            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await _send.WaitAsync(ct);
            try
            {
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            finally
            {
                _send.Release();
            }
            return await answer.Task.WaitAsync(ct);
        }
        finally
        {
            _answers.TryRemove(id, out _);
        }
    }

    /// <summary>Reads every message of the browser: answers go to the call waiting for them, a page's load to its print.</summary>
    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }
                var json = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) as JsonObject;
                message.SetLength(0);
                if (json is null)
                {
                    continue;
                }
                if (json["id"] is { } id && _answers.TryGetValue(id.GetValue<int>(), out var answer))
                {
                    if (json["error"] is { } error)
                    {
                        answer.TrySetException(new InvalidOperationException($"Chromium refused: {error.ToJsonString()}"));
                    }
                    else
                    {
                        answer.TrySetResult(json["result"] as JsonObject ?? []);
                    }
                }
                else if (json["method"]?.GetValue<string>() == "Page.loadEventFired"
                    && json["sessionId"]?.GetValue<string>() is { } session && _loads.TryGetValue(session, out var loaded))
                {
                    loaded.TrySetResult();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or JsonException or ObjectDisposedException)
        {
        }
        finally
        {
            // Nobody waits for an answer that can no longer come.
            foreach (var waiting in _answers.Values)
            {
                waiting.TrySetException(new InvalidOperationException("Chromium stopped answering."));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
        }
        _socket.Dispose();
        Stop(_process, _profile);
        _stop.Dispose();
        _send.Dispose();
    }

    private static void Stop(Process? process, string profile)
    {
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
            }
            process.Dispose();
        }
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
