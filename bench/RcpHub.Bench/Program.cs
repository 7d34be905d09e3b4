using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

// Usage (from the repository root): bench/run [--seconds 10] [--connections 32] [--rounds 3], bench/run --floor [--subscribers 500]
// [--changes 20] [--postgres CONNECTION-STRING], bench/run --explore (the large process, left running until Enter),
// bench/run --meeting-vs-state (only the signed-in meeting page against the signed-in state page, side by side), or
// bench/run --selection [--rounds 3] (issue 11: the selection engine on a generated call of 2,000 applications), or
// bench/run --calls [--postgres CONNECTION-STRING] (issue 11: every page of that call, weight, statements, processor time), or
// bench/run --follow-up [--postgres CONNECTION-STRING] [--pages /a,/b] [--reader secretariat] [--iterations 5] [--seconds 10]
// [--import-page PATH --import-export PATH | --import-file FILE] (issue 10 at world scale: FollowUpScale, FollowUpQueries,
// FollowUpPages; with --explore the scale data is left running instead), or
// bench/run --library [--documents 500000] [--meetings 50000] [--connections 16] [--seconds 20] [--postgres ...] [--data FILE]
// (issue 12: the library's searches signed in, and uploads; LibraryScale, LibraryRun)
// Starts the Release build of RcpHub on its own SQLite database, grows the demo process to 2,000 meetings and 20,000
// documents (LargeProcess), then measures
//  1. page weight: every listed page compressed (brotli, as browsers ask) plus its stylesheet and scripts;
//  2. throughput: the registry page and the large process's meeting pages against a bare endpoint returning the same
//     bytes, side by side, with wrk, anonymous and signed in.
var options = new BenchOptions(args);
if (options.Selection)
{
    // Pure computation: no application to start.
    return SelectionBench.Run(options);
}
var app = options.AppDll;
if (!File.Exists(app))
{
    Console.Error.WriteLine($"Build first: {app} is missing (bench/run builds it).");
    return 2;
}

var work = Directory.CreateTempSubdirectory("rcphub-bench-");
var database = options.Data ?? Path.Combine(work.FullName, "bench.db");
var server = AppProcess.Start(app, options.AppPort, database, options.Postgres);
using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false })
{
    BaseAddress = new Uri($"http://127.0.0.1:{options.AppPort}"),
};
await server.WaitUntilReadyAsync(http);
LargeProcess.Facts? large = null;
if (options.FollowUp)
{
    server.Dispose();
    return await FollowUpRun.RunAsync(options, app, database, http, work);
}
if (options.Calls)
{
    server.Dispose();
    return await CallPages.RunAsync(options, app, database, http, work);
}
if (options.Library)
{
    server.Dispose();
    return await LibraryRun.RunAsync(options, app, database, http, work);
}
if (!options.Floor)
{
    // The first start migrated and seeded the database and loaded the demo process; grow it while the application is
    // stopped, then start it again so that nothing it holds in memory predates the data.
    server.Dispose();
    large = await LargeProcess.GenerateAsync(options.Postgres, database);
    server = AppProcess.Start(app, options.AppPort, database, options.Postgres);
    await server.WaitUntilReadyAsync(http);
}
using var running = server;
if (options.Explore)
{
    Console.WriteLine($"The large process is served at {http.BaseAddress}processes/demo/meetings (largest meeting: /meetings/{large!.LargestMeetingId}; demo accounts as README says). Press Enter to stop.");
    Console.ReadLine();
    work.Delete(recursive: true);
    return 0;
}

if (options.Floor)
{
    var (floorReport, floorWithin) = await FloorBench.RunAsync(http.BaseAddress, server.Id, options.Subscribers, options.Changes);
    var text = $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {options.DatabaseName}, Release build.\n\n{floorReport}";
    Console.WriteLine(text);
    Directory.CreateDirectory(options.ResultsFolder);
    await File.WriteAllTextAsync(Path.Combine(options.ResultsFolder, $"floor-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md"), text);
    work.Delete(recursive: true);
    return floorWithin ? 0 : 1;
}

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {options.DatabaseName}, Release build.");
report.AppendLine();

if (options.MeetingVsState)
{
    var within = await SignedInRatio.RunAsync(http, options, large!, report);
    Console.WriteLine(report.ToString());
    Directory.CreateDirectory(options.ResultsFolder);
    await File.WriteAllTextAsync(Path.Combine(options.ResultsFolder, $"meeting-vs-state-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md"), report.ToString());
    work.Delete(recursive: true);
    return within ? 0 : 1;
}

// 1. Page weight
report.AppendLine("### Page weight (compressed, with stylesheet and scripts; budget 50 KB)");
report.AppendLine();
report.AppendLine("| page | HTML (br) | CSS + JS (br) | total | within budget |");
report.AppendLine("|---|---:|---:|---:|---|");
var overBudget = false;
string[] meetingPages =
[
    "/processes/demo/meetings", "/processes/demo/meetings?when=past", $"/processes/demo/meetings?when=past&p={LargeProcess.MeetingCount / 25}",
    "/processes/demo/meetings?when=past&q=labour", $"/meetings/{large!.LargestMeetingId}", $"/meetings/{large.LargestMeetingId}/documents",
    "/search?q=labour+migration", "/search?q=labour+migration&process=demo",
];
foreach (var path in options.Pages.Concat(meetingPages))
{
    var (status, htmlBytes, assets) = await PageWeight.MeasureAsync(http, path);
    var total = htmlBytes + assets;
    var expected = path == "/no-such-page" ? HttpStatusCode.NotFound : HttpStatusCode.OK;
    var ok = status == expected && total <= 50 * 1024;
    overBudget |= !ok;
    report.AppendLine(CultureInfo.InvariantCulture, $"| `{path}` ({(int)status}) | {htmlBytes / 1024.0:0.0} KB | {assets / 1024.0:0.0} KB | {total / 1024.0:0.0} KB | {(ok ? "yes" : "**NO**")} |");
}

// Signed-in pages: the demo administrator may open every one of them.
var cookies = new CookieContainer();
using var signedIn = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false, CookieContainer = cookies })
{
    BaseAddress = http.BaseAddress,
};
await SignIn.AsDemoAdministratorAsync(signedIn);
foreach (var path in options.SignedInPages.Concat(meetingPages))
{
    var (status, htmlBytes, assets) = await PageWeight.MeasureAsync(signedIn, path);
    var total = htmlBytes + assets;
    var ok = status == HttpStatusCode.OK && total <= 50 * 1024;
    overBudget |= !ok;
    report.AppendLine(CultureInfo.InvariantCulture, $"| `{path}` signed in ({(int)status}) | {htmlBytes / 1024.0:0.0} KB | {assets / 1024.0:0.0} KB | {total / 1024.0:0.0} KB | {(ok ? "yes" : "**NO**")} |");
}
report.AppendLine();

// 2. Throughput, side by side: each page against a bare endpoint returning the same bytes.
var signedInCookie = cookies.GetCookieHeader(http.BaseAddress!);
(string Path, bool SignedIn)[] targets =
[
    (options.ThroughputPath, false),
    ("/processes/demo/meetings?when=past", false), ($"/meetings/{large.LargestMeetingId}", false), ($"/meetings/{large.LargestMeetingId}/documents", false),
    ("/processes/demo/meetings?when=past", true), ($"/meetings/{large.LargestMeetingId}", true), ($"/meetings/{large.LargestMeetingId}/documents", true),
    // Every search reads the folded text of all 30,100 document versions (docs/decisions/0012-search.md).
    ("/search?q=labour+migration", true),
];
report.AppendLine("### Throughput against a bare endpoint returning the same bytes (budget: at least 40%)");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"wrk, {options.Connections} connections, 2 threads, {options.Seconds} s per run, {options.Rounds} alternating rounds after a warm-up, best run of each side, no compression (identical bytes on both sides). Signed in: the demo administrator's cookie, who sees all {LargeProcess.MeetingCount:N0} meetings.");
report.AppendLine();
report.AppendLine("| page | reader | bytes | RcpHub requests/s (each round) | bare requests/s (each round) | ratio | budget |");
report.AppendLine("|---|---|---:|---|---|---:|---|");
var slow = false;
foreach (var (path, isSignedIn) in targets)
{
    var cookie = isSignedIn ? signedInCookie : null;
    using var capture = new HttpRequestMessage(HttpMethod.Get, path);
    if (cookie is not null)
    {
        capture.Headers.Add("Cookie", cookie);
    }
    using var page = await http.SendAsync(capture);
    var bytes = await page.Content.ReadAsByteArrayAsync();
    var contentType = page.Content.Headers.ContentType?.ToString() ?? "text/html; charset=utf-8";
    await using var bare = await BareServer.StartAsync(options.BarePort, bytes, contentType);
    var appUrl = $"http://127.0.0.1:{options.AppPort}{path}";
    var bareUrl = $"http://127.0.0.1:{options.BarePort}/";
    // Warm-up: JIT, connection pools, the page cache. Not counted.
    await Wrk.RequestsPerSecondAsync(appUrl, options, cookie, seconds: 3);
    await Wrk.RequestsPerSecondAsync(bareUrl, options, seconds: 3);
    var appRps = new List<double>();
    var bareRps = new List<double>();
    for (var round = 0; round < options.Rounds; round++)
    {
        appRps.Add(await Wrk.RequestsPerSecondAsync(appUrl, options, cookie));
        bareRps.Add(await Wrk.RequestsPerSecondAsync(bareUrl, options));
    }
    var ratio = appRps.Max() / bareRps.Max();
    // The budget is the foundation's: what anyone gets from a public page. A signed-in page is personal (the reader's
    // roles decide every row), read from the database on each request and never shared: measured and shown, not held to it.
    slow |= !isSignedIn && ratio < 0.40;
    static string Each(List<double> runs) => string.Join(", ", runs.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)));
    report.AppendLine(CultureInfo.InvariantCulture, $"| `{path}` ({(int)page.StatusCode}) | {(isSignedIn ? "signed in" : "anonymous")} | {bytes.Length:N0} | {Each(appRps)} | {Each(bareRps)} | **{ratio:P0}** | {(isSignedIn ? "not held (personal page)" : ratio >= 0.40 ? "within" : "**OUTSIDE**")} |");
}
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"The large process: {LargeProcess.MeetingCount:N0} meetings ({large.PublicMeetings:N0} public), {LargeProcess.DocumentCount:N0} documents in {large.Versions:N0} language versions, generated in {large.Took.TotalSeconds:0} s; the largest meeting holds {LargeProcess.LargestMeetingDocuments} documents.");

Console.WriteLine(report.ToString());
Directory.CreateDirectory(options.ResultsFolder);
var resultFile = Path.Combine(options.ResultsFolder, $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
await File.WriteAllTextAsync(resultFile, report.ToString());
Console.WriteLine($"Written to {resultFile}");
work.Delete(recursive: true);
return overBudget || slow ? 1 : 0;

internal sealed class BenchOptions
{
    public BenchOptions(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        Seconds = int.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture);
        Connections = int.Parse(Value("--connections") ?? "32", CultureInfo.InvariantCulture);
        Rounds = int.Parse(Value("--rounds") ?? "3", CultureInfo.InvariantCulture);
        Root = Value("--root") ?? Directory.GetCurrentDirectory();
        Floor = args.Contains("--floor");
        Explore = args.Contains("--explore");
        MeetingVsState = args.Contains("--meeting-vs-state");
        Postgres = Value("--postgres");
        Subscribers = int.Parse(Value("--subscribers") ?? "500", CultureInfo.InvariantCulture);
        FollowUp = args.Contains("--follow-up");
        NoQueries = args.Contains("--no-queries");
        Iterations = int.Parse(Value("--iterations") ?? "5", CultureInfo.InvariantCulture);
        Reader = Value("--reader") ?? "secretariat";
        FollowUpPages = Value("--pages") is { } pages ? pages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : ["/processes/p01"];
        ImportPage = Value("--import-page");
        ImportAction = Value("--import-action");
        ImportExport = Value("--import-export");
        ImportFile = Value("--import-file");
        ImportField = Value("--import-field") ?? "File";
        AppPort = int.Parse(Value("--port") ?? "5090", CultureInfo.InvariantCulture);
        Changes = int.Parse(Value("--changes") ?? "20", CultureInfo.InvariantCulture);
        Selection = args.Contains("--selection");
        Calls = args.Contains("--calls");
        Library = args.Contains("--library");
        Documents = int.Parse(Value("--documents") ?? "500000", CultureInfo.InvariantCulture);
        Meetings = int.Parse(Value("--meetings") ?? "50000", CultureInfo.InvariantCulture);
        Lottery = args.Contains("--lottery");
        Applications = Value("--applications") is { } applications ? int.Parse(applications, CultureInfo.InvariantCulture) : null;
        Data = Value("--data") is { } data ? Path.GetFullPath(data) : null;
        App = Value("--app") is { } appDll ? Path.GetFullPath(appDll) : null;
    }

    /// <summary>With --follow-up on SQLite: the scale data kept in this file, generated there on the first run and
    /// reused (not generated, not deleted) by the next ones, so that before and after are measured on the same data.</summary>
    public string? Data { get; }

    /// <summary>Another build of the application to measure (for example main's, for "before"), instead of this tree's.</summary>
    public string? App { get; }

    /// <summary>With --selection: only the first this many applications of the generated call (to see how time grows).</summary>
    public int? Applications { get; }

    /// <summary>Issue 12's library budgets instead (LibraryRun), on this many documents and meetings.</summary>
    public bool Library { get; }
    public int Documents { get; }
    public int Meetings { get; }

    /// <summary>Issue 11's call pages at 2,000 applications instead (CallPages).</summary>
    public bool Calls { get; }

    /// <summary>With <see cref="Calls"/>: a fair-lottery call whose threshold every application passes (the report then lists
    /// 2,000 chances), drawn before the panel decides.</summary>
    public bool Lottery { get; }

    /// <summary>Issue 11's selection budgets instead (SelectionBench); no application is started.</summary>
    public bool Selection { get; }

    public int Seconds { get; }
    public int Connections { get; }
    public int Rounds { get; }
    public string Root { get; }

    /// <summary>Only start the application with the large process and leave it running, to look into a page by hand.</summary>
    public bool Explore { get; }

    /// <summary>Measure only the signed-in meeting page against the signed-in state page (SignedInRatio).</summary>
    public bool MeetingVsState { get; }

    /// <summary>Measure the live floor instead (FloorBench).</summary>
    public bool Floor { get; }
    public int Subscribers { get; }

    /// <summary>With <see cref="FollowUp"/>: only the pages and the import, not the queries in process.</summary>
    public bool NoQueries { get; }

    /// <summary>Issue 10 at world scale instead (FollowUpRun).</summary>
    public bool FollowUp { get; }

    /// <summary>Runs of each follow-up query per concurrent reader.</summary>
    public int Iterations { get; }

    /// <summary>The demo account the follow-up pages are read as: admin, secretariat, chair or focal-point.</summary>
    public string Reader { get; }

    /// <summary>The follow-up pages to weigh and load, on the scale data (p01 to p60, pimport).</summary>
    public IReadOnlyList<string> FollowUpPages { get; }

    /// <summary>The page holding the spreadsheet import form; the form posts to <see cref="ImportAction"/> when it is elsewhere.</summary>
    public string? ImportPage { get; }
    public string? ImportAction { get; }

    /// <summary>The state's CSV export, the sheet the import is measured with (statuses moved on by one).</summary>
    public string? ImportExport { get; }

    /// <summary>A sheet to post as it is, instead of the export.</summary>
    public string? ImportFile { get; }

    /// <summary>The form field that carries the file.</summary>
    public string ImportField { get; }
    public int Changes { get; }

    /// <summary>A PostgreSQL connection string: run the application on it rather than on SQLite.</summary>
    public string? Postgres { get; }
    public string DatabaseName => Postgres is null ? "SQLite" : "PostgreSQL";
    /// <summary>Where the application listens (<c>--port</c>, default 5090); the bare endpoint takes the next port. Another
    /// port lets two benches run on one machine.</summary>
    public int AppPort { get; }
    public int BarePort => AppPort + 1;
    public string ThroughputPath => "/processes";
    public string AppDll => App ?? Path.Combine(Root, "src", "RcpHub", "bin", "Release", "net10.0", "RcpHub.dll");
    public string ResultsFolder => Path.Combine(Root, "bench", "results");

    /// <summary>Every public page kind, with the largest instance of each (most members, most processes).</summary>
    public IReadOnlyList<string> Pages { get; } =
    [
        "/", "/processes", "/processes?status=Active&kind=RegionalConsultativeProcess", "/processes/rabat-process", "/processes/bp",
        "/processes/rabat-process/map", "/map", "/states", "/states/fra", "/organizations", "/organizations/iom", "/global-meetings",
        "/account/sign-in", "/no-such-page",
    ];

    /// <summary>Pages behind sign-in, on the largest process (most members, most audit entries after seeding).</summary>
    public IReadOnlyList<string> SignedInPages { get; } =
    [
        "/account", "/account/two-factor", "/processes/bp/manage", "/processes/bp/manage/profile", "/processes/bp/manage/membership",
        "/processes/midsa/manage/chairs", "/processes/demo/manage/bodies", "/processes/bp/manage/audit", "/processes/bp/manage/invitations",
        "/processes/demo/manage/people", "/admin/audit", "/admin/invitations",
    ];
}

internal sealed partial class AppProcess : IDisposable
{
    private readonly Process _process;
    private long _statements;
    private long _lines;

    private AppProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>With <c>countStatements</c>: the SQL statements the application has executed so far (EF Core's command log).</summary>
    public long Statements => Interlocked.Read(ref _statements);

    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Waits until the application has written nothing for a fifth of a second: the command log of the last
    /// request is written by the logger's own thread, after the answer.</summary>
    public async Task QuietAsync()
    {
        var seen = Interlocked.Read(ref _lines);
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(200);
            var now = Interlocked.Read(ref _lines);
            if (now == seen)
            {
                return;
            }
            seen = now;
        }
    }

    /// <param name="postgres">A PostgreSQL connection string (migrated on start) instead of the SQLite file.</param>
    /// <param name="countStatements">Logs every SQL statement the application executes, to count them per request.</param>
    public static AppProcess Start(string dll, int port, string database, string? postgres = null, bool countStatements = false)
    {
        // --demo: the demo process and one account per role, so that signed-in pages can be weighed too; forced, since the
        // benchmark runs the Production environment, with a password the benchmark knows.
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}", "--demo", "--force-demo"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__RcpHub"] = postgres ?? $"Data Source={database}";
        start.Environment["Demo__Password"] = SignIn.DemoPassword;
        // Outside Development the platform needs the address it is reached at (links in mail); the bench reaches it on loopback.
        start.Environment["PublicBaseUrl"] = "https://127.0.0.1";
        start.Environment["AllowedHosts"] = "127.0.0.1";
        // The bench measures throughput from one address: the per-address and per-person limits would answer it 429.
        foreach (var limit in new[] { "Search", "MeetingPack", "Pdf", "SignInPerAddress", "SignInPerAccount" })
        {
            start.Environment[$"RateLimits__{limit}__PermitLimit"] = "1000000000";
        }
        if (postgres is not null)
        {
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["Database__MigrateOnStart"] = "true";
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (countStatements)
        {
            start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        }
        var process = Process.Start(start)!;
        var running = new AppProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            Interlocked.Increment(ref running._lines);
            if (e.Data?.Contains("Executed DbCommand", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref running._statements);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    public async Task WaitUntilReadyAsync(HttpClient http)
    {
        // Up to ten minutes: on a shared machine under load the start alone can take more than one, and a first start on
        // PostgreSQL applies every migration.
        for (var i = 0; i < 1200; i++)
        {
            try
            {
                using var response = await http.GetAsync("/");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("RcpHub did not start within ten minutes.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}

internal static partial class PageWeight
{
    public static async Task<(HttpStatusCode Status, long Html, long Assets)> MeasureAsync(HttpClient http, string path)
    {
        var (status, html, text) = await GetCompressedAsync(http, path);
        long assets = 0;
        foreach (var asset in Asset().Matches(text).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct())
        {
            assets += (await GetCompressedAsync(http, asset)).Bytes;
        }
        return (status, html, assets);
    }

    private static async Task<(HttpStatusCode Status, long Bytes, string Text)> GetCompressedAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await http.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault();
        using var input = new MemoryStream(compressed);
        Stream decoded = encoding switch
        {
            "br" => new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress),
            _ => input,
        };
        using var reader = new StreamReader(decoded);
        return (response.StatusCode, compressed.Length, await reader.ReadToEndAsync());
    }

    [GeneratedRegex("""(?:<link[^>]+rel="stylesheet"[^>]+href|<script[^>]+src)="(/[^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Asset();
}

internal static partial class SignIn
{
    /// <summary>The password the benchmark gives the demo accounts of the instance it starts (Demo__Password).</summary>
    public const string DemoPassword = "Bench-Harbour-Lantern-Ninety-7";

    public static Task AsDemoAdministratorAsync(HttpClient client) => AsAsync(client, "admin");

    /// <param name="account">The demo account: admin, secretariat, chair, focal-point, observer, civil-society.</param>
    public static async Task AsAsync(HttpClient client, string account)
    {
        var form = await client.GetStringAsync("/account/sign-in");
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = $"{account}@demo.rcphub.test",
            ["Input.Password"] = DemoPassword,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/account/sign-in", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as the demo {account} failed: {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    internal static partial Regex Token();
}

internal sealed class BareServer : IAsyncDisposable
{
    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;

    private BareServer(Microsoft.AspNetCore.Builder.WebApplication app) => _app = app;

    /// <summary>The fastest this machine can answer with these bytes over Kestrel: no routing, no middleware.</summary>
    public static async Task<BareServer> StartAsync(int port, byte[] body, string contentType)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        return new BareServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal static partial class Wrk
{
    public static async Task<double> RequestsPerSecondAsync(string url, BenchOptions options, string? cookie = null, int? seconds = null)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{options.Connections}", $"-d{seconds ?? options.Seconds}s", "--latency", url])
        {
            RedirectStandardOutput = true,
        };
        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Cookie: " + cookie);
        }
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (bench/run installs it).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var non2xx = Non2xx().Match(output);
        if (non2xx.Success)
        {
            throw new InvalidOperationException($"{url} answered errors under load:\n{output}");
        }
        return double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
