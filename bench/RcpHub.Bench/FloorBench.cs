using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>The live floor's budget: <c>bench/run --floor [--subscribers 500] [--changes 20]</c>. Opens that many
/// event streams on one session of the demo process, as the demo administrator, then makes floor changes (the
/// speaking time, set alternately) half a second apart, and measures for every stream how long each change took to
/// arrive, from the moment the change was posted. Also reports the server's memory before and with the streams.</summary>
internal static partial class FloorBench
{
    public static async Task<(string Report, bool WithinBudget)> RunAsync(Uri address, int serverProcessId, int subscribers, int changes)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = subscribers + 16 })
        {
            BaseAddress = address,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        await SignIn.AsDemoAdministratorAsync(client);
        var floor = await FindFloorAsync(client);
        var memoryBefore = ServerMemory(serverProcessId);

        // Revision -> when the change was posted; each stream records when it saw each revision.
        var posted = new Dictionary<long, long>();
        var seen = new List<(long Revision, long At)>[subscribers];
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var ready = new CountdownEvent(subscribers);
        var streams = Enumerable.Range(0, subscribers).Select(i => Task.Run(() => FollowAsync(client, floor, seen[i] = [], ready, stop.Token))).ToList();
        if (!ready.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"Only {subscribers - ready.CurrentCount} of {subscribers} streams opened.");
        }
        await Task.Delay(1000);
        var memoryWith = ServerMemory(serverProcessId);

        var page = await client.GetStringAsync(floor);
        var token = WebUtility.HtmlDecode(SignIn.Token().Match(page).Groups[1].Value);
        var current = await RevisionAsync(client, floor);
        for (var change = 0; change < changes; change++)
        {
            var before = clock.ElapsedTicks;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Minutes"] = (change % 2 == 0 ? 4 : 3).ToString(CultureInfo.InvariantCulture),
                ["__RequestVerificationToken"] = token,
            });
            using var response = await client.PostAsync(floor + "?handler=Minutes", content);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Changing the floor answered {(int)response.StatusCode}.");
            }
            // Nobody else changes this floor: each change is the next revision.
            posted[++current] = before;
            await Task.Delay(500);
        }
        await Task.Delay(2000);
        await stop.CancelAsync();
        await Task.WhenAll(streams);

        var latencies = new List<double>();
        var missed = 0;
        foreach (var stream in seen)
        {
            foreach (var (revision, postedAt) in posted)
            {
                var arrival = stream.FirstOrDefault(s => s.Revision == revision);
                if (arrival == default)
                {
                    missed++;
                    continue;
                }
                latencies.Add((arrival.At - postedAt) * 1000.0 / Stopwatch.Frequency);
            }
        }
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        var p95 = Percentile(0.95);
        var within = missed == 0 && p95 < 1000;

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Live floor: {subscribers} event streams on one session, {changes} changes half a second apart (budget: p95 under 1 s)");
        report.AppendLine();
        report.AppendLine("Latency: from posting a change (the speaking time) to its arrival on each stream, so it includes the change's own request.");
        report.AppendLine();
        report.AppendLine("| deliveries | missed | p50 | p95 | max | server memory before | with the streams open |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {latencies.Count:N0} | {missed} | {Percentile(0.50):0} ms | {p95:0} ms | {latencies.LastOrDefault():0} ms | {memoryBefore / 1048576.0:0} MB | {memoryWith / 1048576.0:0} MB |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Within budget: **{(within ? "yes" : "NO")}**.");
        return (report.ToString(), within);

        // Each stream stamps every arrival with the same clock as the changes.
        async Task FollowAsync(HttpClient http, string address, List<(long, long)> arrivals, CountdownEvent opened, CancellationToken ct)
        {
            using var response = await http.GetAsync(address + "/events", HttpCompletionOption.ResponseHeadersRead, ct);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            opened.Signal();
            try
            {
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    if (line.StartsWith("id: ", StringComparison.Ordinal))
                    {
                        arrivals.Add((long.Parse(line[4..], CultureInfo.InvariantCulture), clock.ElapsedTicks));
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>The floor of the first session of the demo process's first meeting that has one.</summary>
    private static async Task<string> FindFloorAsync(HttpClient client)
    {
        var meetings = await client.GetStringAsync("/processes/demo/meetings");
        foreach (var id in MeetingLink().Matches(meetings).Select(m => m.Groups[1].Value).Distinct())
        {
            var details = await client.GetStringAsync($"/meetings/{id}");
            if (FloorLink().Match(details) is { Success: true } floor)
            {
                return floor.Groups[1].Value;
            }
        }
        throw new InvalidOperationException("The demo process has no meeting with a session.");
    }

    /// <summary>The current revision: the first event of a new stream carries it.</summary>
    private static async Task<long> RevisionAsync(HttpClient client, string floor)
    {
        using var response = await client.GetAsync(floor + "/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                return long.Parse(line[4..], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException("The stream ended before its first event.");
    }

    private static long ServerMemory(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.WorkingSet64;
    }

    [GeneratedRegex(@"href=""/meetings/(\d+)""")]
    private static partial Regex MeetingLink();

    [GeneratedRegex(@"href=""(/processes/demo/meetings/\d+/sessions/\d+/floor)""")]
    private static partial Regex FloorLink();

}
