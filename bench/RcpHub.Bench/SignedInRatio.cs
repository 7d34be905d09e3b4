using System.Globalization;
using System.Net;
using System.Text;

/// <summary>The signed-in meeting page against the signed-in state page, on the same instance in the same run, alternating
/// (issue 9): both are personal pages that no cache answers, so the ratio shows what the meeting page costs beyond the
/// pipeline every signed-in page pays. Budget: the meeting page serves at least half the state page's requests per second.</summary>
internal static class SignedInRatio
{
    public const double Budget = 0.5;

    public static async Task<bool> RunAsync(HttpClient http, BenchOptions options, LargeProcess.Facts large, StringBuilder report)
    {
        var cookies = new CookieContainer();
        using var signedIn = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = http.BaseAddress,
        };
        await SignIn.AsDemoAdministratorAsync(signedIn);
        var cookie = cookies.GetCookieHeader(http.BaseAddress!);
        const string state = "/states/fra";
        // The demo's own first meeting (a typical page) and the large process's largest (210 documents, agenda, sessions).
        var pages = new[] { $"/meetings/{large.LargestMeetingId}", "/meetings/1" };
        report.AppendLine(CultureInfo.InvariantCulture, $"### Signed-in meeting page against the signed-in state page `{state}` (budget: at least {Budget:P0})");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"wrk, {options.Connections} connections, 2 threads, {options.Seconds} s per run, {options.Rounds} alternating rounds after a warm-up, best run of each side, no compression. Signed in: the demo administrator.");
        report.AppendLine();
        report.AppendLine("| meeting page | bytes | meeting requests/s (each round) | state page requests/s (each round) | ratio | budget |");
        report.AppendLine("|---|---:|---|---|---:|---|");
        var within = true;
        var stateUrl = $"{http.BaseAddress}{state.TrimStart('/')}";
        foreach (var path in pages)
        {
            using var capture = new HttpRequestMessage(HttpMethod.Get, path);
            capture.Headers.Add("Cookie", cookie);
            using var page = await http.SendAsync(capture);
            var bytes = (await page.Content.ReadAsByteArrayAsync()).Length;
            var meetingUrl = $"{http.BaseAddress}{path.TrimStart('/')}";
            await Wrk.RequestsPerSecondAsync(meetingUrl, options, cookie, seconds: 3);
            await Wrk.RequestsPerSecondAsync(stateUrl, options, cookie, seconds: 3);
            var meetingRps = new List<double>();
            var stateRps = new List<double>();
            for (var round = 0; round < options.Rounds; round++)
            {
                meetingRps.Add(await Wrk.RequestsPerSecondAsync(meetingUrl, options, cookie));
                stateRps.Add(await Wrk.RequestsPerSecondAsync(stateUrl, options, cookie));
            }
            var ratio = meetingRps.Max() / stateRps.Max();
            within &= page.StatusCode == HttpStatusCode.OK && ratio >= Budget;
            static string Each(List<double> runs) => string.Join(", ", runs.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)));
            report.AppendLine(CultureInfo.InvariantCulture, $"| `{path}` ({(int)page.StatusCode}) | {bytes:N0} | {Each(meetingRps)} | {Each(stateRps)} | **{ratio:P0}** | {(ratio >= Budget ? "within" : "**OUTSIDE**")} |");
        }
        report.AppendLine();
        return within;
    }
}
