using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

/// <summary><c>bench/run --calls</c>: issue 11's last budget, every page of a call within the foundation's weight (50 KB
/// compressed with CSS and scripts) and query (10 statements per view) budgets at 2,000 applications. Generates the call
/// with the application stopped (<see cref="CallScale"/>), starts the application with EF Core's command log on (each
/// executed statement is one line on its output, counted by <see cref="AppProcess"/>), then, as the call's secretariat and
/// as a panel member, weighs every page and API answer of the call and counts its statements and the application's
/// processor time per view, at two stages: the proposal made (the panel page holds the decision form) and the selection
/// decided with its report published. The proposal, the decision and the report's publication go through the pages' own
/// forms, and their time is reported too. Writes bench/results/calls-{database}-{time}.md.</summary>
internal static partial class CallPages
{
    private const int Budget = 10;
    private const int WeightBudget = 50 * 1024;

    public static async Task<int> RunAsync(BenchOptions options, string app, string database, HttpClient anonymous, DirectoryInfo work)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {options.DatabaseName}, Release build (load average at the start {LoadAverage()}).");
        report.AppendLine();
        Console.WriteLine($"Generating the call of {SelectionBench.Applications:N0} applications on {options.DatabaseName}...");
        var facts = await CallScale.GenerateAsync(options.Postgres, database, options.Lottery);
        report.AppendLine(CultureInfo.InvariantCulture,
            $"The call ({(options.Lottery ? "fair lottery, every application past the threshold" : "score-optimal")}): {SelectionBench.Applications:N0} applications from as many organisations (each with its representative and one attached file), {SelectionBench.Places} places, 12 balance targets, 3 criteria scored by a panel of {CallScale.PanelAccounts.Length} ({facts.Scores:N0} scores, one application in fifty with a declared conflict); generated in {facts.Took.TotalSeconds:0} s.");
        report.AppendLine();

        using var server = AppProcess.Start(app, options.AppPort, database, options.Postgres, countStatements: true);
        await server.WaitUntilReadyAsync(anonymous);
        var secretariat = await ClientAsync(anonymous.BaseAddress!, "secretariat");
        var member = await ClientAsync(anonymous.BaseAddress!, "chair");
        var root = $"/processes/demo/calls/{facts.CallId}";
        var api = $"/api/v1/processes/demo/calls/{facts.CallId}";
        string[] pages =
        [
            "/processes/demo/calls", root, $"{root}/panel", $"{root}/panel?p=21", $"{root}/panel?p=40", $"{root}/applications/{facts.FirstApplicationId}",
            $"{root}/applications/{facts.LastApplicationId}", $"{root}/report", $"/processes/demo/calls/edit/{facts.CallId}",
            "/api/v1/processes/demo/calls", api, $"{api}/applications/{facts.FirstApplicationId}", $"{api}/report", $"{api}/selection-inputs",
        ];

        report.AppendLine("| stage | page | reader | status | HTML | HTML (br) | CSS + JS (br) | total | within 50 KB | statements per view | within 10 | processor time per view | wall time per view (median of 10) |");
        report.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---|---:|---|---:|---:|");
        var within = true;

        var steps = new StringBuilder();
        within &= await PostAsync(secretariat, server, $"{root}/panel", "Propose", null, "proposal computed (2,000 applications, 12 targets)", steps);
        foreach (var page in pages)
        {
            within &= await MeasureAsync(secretariat.Http, server, "proposed", page, "secretariat", report);
            within &= await MeasureAsync(member.Http, server, "proposed", page, "panel member", report);
        }
        if (options.Lottery)
        {
            within &= await PostAsync(secretariat, server, $"{root}/panel", "Draw", null, "lottery drawn, its seed revealed", steps);
        }
        var form = await secretariat.Http.GetStringAsync($"{root}/panel");
        var proposed = Proposed().Matches(form).Select(m => m.Groups[1].Value).ToList();
        within &= await PostAsync(secretariat, server, $"{root}/panel", "Decide", proposed.Select(id => new KeyValuePair<string, string>("Selected", id)), $"decision recorded ({proposed.Count} selected as proposed)", steps);
        within &= await PostAsync(secretariat, server, $"{root}/panel", "PublishReport", null, "report published", steps);
        foreach (var page in pages)
        {
            within &= await MeasureAsync(secretariat.Http, server, "reported", page, "secretariat", report);
            within &= await MeasureAsync(member.Http, server, "reported", page, "panel member", report);
        }
        report.AppendLine();
        report.AppendLine("Weight is held for pages (`/processes/...`); the API's JSON answers are weighed and counted but the 50 KB budget is a page's (the report and the selection inputs are downloads of the whole call). Statements: the fewest of ten views after a warm-up (EF Core's command log, so a background task's statement cannot be counted against a page); processor time: the application's, the mean of the ten views (the system counts it in 10 ms steps), logging of the statements included.");
        report.AppendLine();
        report.AppendLine("The forms, as the secretariat (one request each, the redirect not followed):");
        report.AppendLine();
        report.Append(steps);
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end: {LoadAverage()}.");

        Console.WriteLine(report.ToString());
        Directory.CreateDirectory(options.ResultsFolder);
        var file = Path.Combine(options.ResultsFolder, $"calls-{options.DatabaseName.ToLowerInvariant()}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine($"Written to {file}");
        secretariat.Http.Dispose();
        member.Http.Dispose();
        work.Delete(recursive: true);
        return within ? 0 : 1;
    }

    private sealed record Reader(HttpClient Http);

    private static async Task<Reader> ClientAsync(Uri baseAddress, string account)
    {
        var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        await SignIn.AsAsync(http, account);
        return new Reader(http);
    }

    private static async Task<bool> MeasureAsync(HttpClient http, AppProcess server, string stage, string path, string reader, StringBuilder report)
    {
        var (status, html, assets) = await PageWeight.MeasureAsync(http, path);
        long raw = 0;
        var statements = long.MaxValue;
        var cpu = new List<double>();
        var wall = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            await server.QuietAsync();
            var countBefore = server.Statements;
            var cpuBefore = server.ProcessorTime;
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            raw = (await response.Content.ReadAsByteArrayAsync()).LongLength;
            var took = clock.Elapsed.TotalMilliseconds;
            var cpuAfter = server.ProcessorTime;
            await server.QuietAsync();
            // The first view compiles the page and its queries: not counted.
            if (i > 0)
            {
                statements = Math.Min(statements, server.Statements - countBefore);
                cpu.Add((cpuAfter - cpuBefore).TotalMilliseconds);
                wall.Add(took);
            }
        }
        wall.Sort();
        var isPage = !path.StartsWith("/api/", StringComparison.Ordinal);
        var total = html + assets;
        var heavy = isPage && total > WeightBudget;
        var tooMany = statements > Budget;
        // A page the reader may not open answers as the platform does (to the access-denied page, or not found).
        var ok = status is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Redirect;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {stage} | `{path}` | {reader} | {(int)status} | {raw / 1024.0:0.0} KB | {html / 1024.0:0.0} KB | {assets / 1024.0:0.0} KB | {total / 1024.0:0.0} KB | {(isPage ? heavy ? "**NO**" : "yes" : "download")} | {statements} | {(tooMany ? "**NO**" : "yes")} | {cpu.Average():0.0} ms | {wall[wall.Count / 2]:0} ms |");
        Console.WriteLine($"{stage} {path} {reader}: {(int)status}, {total / 1024.0:0.0} KB, {statements} statements, {cpu.Average():0.0} ms processor");
        return ok && !heavy && !tooMany;
    }

    /// <summary>Posts one of the panel page's forms as the page's own button does, and reports the time it took.</summary>
    private static async Task<bool> PostAsync(Reader reader, AppProcess server, string page, string handler, IEnumerable<KeyValuePair<string, string>>? fields, string what, StringBuilder steps)
    {
        var form = await reader.Http.GetStringAsync(page);
        var token = WebUtility.HtmlDecode(SignIn.Token().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields ?? []]);
        await server.QuietAsync();
        var countBefore = server.Statements;
        var cpuBefore = server.ProcessorTime;
        var clock = Stopwatch.StartNew();
        using var response = await reader.Http.PostAsync($"{page}?handler={handler}", content);
        var took = clock.Elapsed;
        var cpu = server.ProcessorTime - cpuBefore;
        await server.QuietAsync();
        var ok = response.StatusCode == HttpStatusCode.Redirect;
        steps.AppendLine(CultureInfo.InvariantCulture,
            $"- {handler}: {(ok ? what : $"**answered {(int)response.StatusCode}**")}, {took.TotalSeconds:0.00} s wall, {cpu.TotalSeconds:0.00} s processor, {server.Statements - countBefore} statements.");
        Console.WriteLine($"{handler}: {(int)response.StatusCode} in {took.TotalSeconds:0.00} s");
        return ok;
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>A ticked decision checkbox: an application the proposal selects.</summary>
    [GeneratedRegex("""name="Selected" id="select-\d+" value="(\d+)" checked""")]
    private static partial Regex Proposed();
}
