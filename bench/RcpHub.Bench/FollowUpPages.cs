using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>The follow-up pages over HTTP on the scale data (issue 10's budgets): each page's weight (compressed, with
/// its stylesheet and scripts; budget 50 KB), one reader's time for it (the PDF's budget: 2 s), and its latency under
/// 16 concurrent signed-in readers with wrk (the dashboard's and evaluation report's budget: p95 under 200 ms). The pages
/// are a parameter (<c>--pages</c>), since they are built by other branches. Then, when asked, a spreadsheet import
/// (budget: 3,000 rows in under 5 s): the state's own export, every status moved on by one, posted back through the
/// import form.</summary>
internal static partial class FollowUpPages
{
    /// <param name="serverId">The application's process, whose processor time per request is shown: the figure a shared
    /// machine's load does not change.</param>
    public static async Task RunAsync(HttpClient anonymous, BenchOptions options, int serverId, StringBuilder report)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = anonymous.BaseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        await SignIn.AsAsync(http, options.Reader);
        var cookie = cookies.GetCookieHeader(http.BaseAddress!);

        report.AppendLine(CultureInfo.InvariantCulture, $"### Follow-up pages, signed in as {options.Reader} ({FollowUpQueries.Readers} concurrent readers with wrk, {options.Seconds} s per page after a 3 s warm-up)");
        report.AppendLine();
        report.AppendLine("| page | status | HTML (br) | CSS + JS (br) | total | 1 reader, 5 runs: median, max | server processor time per request, 1 reader | wrk requests/s | p50 | **p95** | p99 | server processor time per request | load average (1 min) |");
        report.AppendLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var path in options.FollowUpPages)
        {
            var (status, html, assets) = await PageWeight.MeasureAsync(http, path);
            await KeepAsync(http, path, options.ResultsFolder);
            var single = new List<double>();
            var singleCpu = TimeSpan.Zero;
            for (var i = 0; i < 6; i++)
            {
                if (i == 1)
                {
                    singleCpu = Process.GetProcessById(serverId).TotalProcessorTime;
                }
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                // The first is the warm-up (compilation of the page and its queries).
                if (i > 0)
                {
                    single.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
            // The server's processor time per request with one reader: what a view costs whatever the load (the figure
            // under wrk divides by the requests completed in the window, which is nothing when none completes).
            var cpuAlone = (Process.GetProcessById(serverId).TotalProcessorTime - singleCpu).TotalMilliseconds / 5;
            single.Sort();
            // The weight budget is a page's; a PDF or a spreadsheet is weighed but not held to it.
            var isPage = !Download().IsMatch(path);
            var weight = $"{html / 1024.0:0.0} KB | {assets / 1024.0:0.0} KB | {(html + assets) / 1024.0:0.0} KB{(isPage && (html + assets) > 50 * 1024 ? " **over**" : "")}";
            if (status != HttpStatusCode.OK)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"| `{path}` | {(int)status} | {weight} | not measured | | | | | | |");
                continue;
            }
            var url = $"{http.BaseAddress}{path.TrimStart('/')}";
            var load = FollowUpQueries.LoadAverage();
            Latency.Result l;
            double cpu;
            try
            {
                await Latency.MeasureAsync(url, cookie, FollowUpQueries.Readers, seconds: 3);
                load = FollowUpQueries.LoadAverage();
                var cpuBefore = Process.GetProcessById(serverId).TotalProcessorTime;
                l = await Latency.MeasureAsync(url, cookie, FollowUpQueries.Readers, options.Seconds);
                cpu = (Process.GetProcessById(serverId).TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, l.Requests);
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine(e.Message);
                report.AppendLine(CultureInfo.InvariantCulture, $"| `{path}` | {(int)status} | {weight} | {single[single.Count / 2]:N0} ms, {single[^1]:N0} ms | {cpuAlone:N1} ms | errors under load (see the console) | | | | | {load} |");
                continue;
            }
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| `{path}` | {(int)status} | {weight} | {single[single.Count / 2]:N0} ms, {single[^1]:N0} ms | {cpuAlone:N1} ms | {l.RequestsPerSecond:N1} | {l.P50:N0} ms | **{l.P95:N0} ms** | {l.P99:N0} ms | {cpu:N1} ms | {load}, {FollowUpQueries.LoadAverage()} |");
        }
        report.AppendLine();

        if (options.ImportPage is { } importPage)
        {
            await ImportAsync(anonymous.BaseAddress!, options, importPage, report, serverId);
        }
    }

    /// <summary>Keeps what the page answered (bench/results/pages/, uncompressed), to see what weighs in it.</summary>
    private static async Task KeepAsync(HttpClient http, string path, string results)
    {
        var folder = Directory.CreateDirectory(Path.Combine(results, "pages")).FullName;
        using var response = await http.GetAsync(path);
        var name = Regex.Replace(path.Trim('/'), "[^A-Za-z0-9]+", "-");
        await File.WriteAllBytesAsync(Path.Combine(folder, name + (path.Contains("pdf", StringComparison.OrdinalIgnoreCase) ? ".pdf" : ".html")), await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Signs in as the focal point, takes the sheet (the given file, or the state's own export), moves every
    /// status on by one so that every row changes, and posts it through the import form: the time of that one request.</summary>
    private static async Task ImportAsync(Uri baseAddress, BenchOptions options, string importPage, StringBuilder report, int serverId)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        await SignIn.AsAsync(http, "focal-point");
        string sheet;
        if (options.ImportFile is { } file)
        {
            sheet = await File.ReadAllTextAsync(file);
        }
        else if (options.ImportExport is { } export)
        {
            sheet = MoveStatusesOn(await http.GetStringAsync(export));
        }
        else
        {
            report.AppendLine("Import: give `--import-export` (the state's CSV export) or `--import-file` as well as `--import-page`.");
            return;
        }
        var rows = sheet.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        // Kept beside the report, to look at what was posted.
        Directory.CreateDirectory(options.ResultsFolder);
        await File.WriteAllTextAsync(Path.Combine(options.ResultsFolder, $"import-{rows}-rows.csv"), sheet);
        var form = await http.GetStringAsync(importPage);
        var token = WebUtility.HtmlDecode(SignIn.Token().Match(form).Groups[1].Value);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var bytes = new ByteArrayContent(Encoding.UTF8.GetBytes(sheet));
        bytes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(bytes, options.ImportField, "grid.csv");
        var load = FollowUpQueries.LoadAverage();
        var cpuBefore = Process.GetProcessById(serverId).TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync(options.ImportAction ?? importPage, content);
        var body = await response.Content.ReadAsStringAsync();
        var took = clock.Elapsed;
        // The application's processor time for the import (on PostgreSQL the server's own is not in it): what the load does not change.
        var cpu = Process.GetProcessById(serverId).TotalProcessorTime - cpuBefore;
        var answer = response.StatusCode == HttpStatusCode.Redirect ? $"302 to {response.Headers.Location}" : $"{(int)response.StatusCode}";
        report.AppendLine("### Spreadsheet import (budget: 3,000 rows in under 5 s)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{rows:N0} rows posted to `{options.ImportAction ?? importPage}` as the demo focal point: **{took.TotalSeconds:0.00} s**, application processor time {cpu.TotalSeconds:0.00} s, answered {answer} (load average {load}, {FollowUpQueries.LoadAverage()}).");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            report.AppendLine();
            report.AppendLine("Not a redirect: the import may have been refused. The first error messages on the page: " +
                string.Join("; ", ErrorText().Matches(body).Concat(ErrorItem().Matches(body.IndexOf("import-errors", StringComparison.Ordinal) is var at and >= 0 ? body[at..] : "")).Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, "").Trim()))
                    .Where(m => m.Length > 0).Take(5)));
        }
        report.AppendLine();
    }

    /// <summary>Every cell of the status column (the header cell with "status" in it) moved to the next status, by the
    /// status's name or its English label; other cells as they are.</summary>
    internal static string MoveStatusesOn(string csv)
    {
        string[] names = ["NotStarted", "Planned", "InProgress", "Implemented"];
        string[] labels = ["Not started", "Planned", "In progress", "Implemented"];
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines[0].Split(',');
        var column = Array.FindIndex(header, h => h.Contains("status", StringComparison.OrdinalIgnoreCase));
        var dateColumn = Array.FindIndex(header, h => h.Trim('"').Equals("Date", StringComparison.OrdinalIgnoreCase));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (column < 0)
        {
            return csv;
        }
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = CsvCells(lines[i]);
            if (cells.Length <= column)
            {
                continue;
            }
            var cell = cells[column].Trim('"');
            var n = Array.IndexOf(names, cell);
            var label = Array.FindIndex(labels, x => x.Equals(cell, StringComparison.OrdinalIgnoreCase));
            // A row with no report yet gets a status as the export writes them (the process's labels) and a date.
            cells[column] = n >= 0 ? names[(n + 1) % names.Length] : label >= 0 ? labels[(label + 1) % labels.Length] : labels[i % labels.Length];
            if (dateColumn >= 0 && dateColumn < cells.Length && cells[dateColumn].Trim('"').Length == 0)
            {
                cells[dateColumn] = today;
            }
            lines[i] = string.Join(',', cells);
        }
        return string.Join("\r\n", lines);
    }

    /// <summary>The cells of one CSV line as written (quotes kept), split at the commas outside quotes.</summary>
    private static string[] CsvCells(string line)
    {
        var cells = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ',' && !quoted)
            {
                cells.Add(line[start..i]);
                start = i + 1;
            }
        }
        cells.Add(line[start..]);
        return [.. cells];
    }

    [GeneratedRegex(@"(\.|handler=)(pdf|csv|xlsx)(\?|&|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Download();

    [GeneratedRegex("""<li>(.*?)</li>""", RegexOptions.Singleline)]
    private static partial Regex ErrorItem();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("""class="[^"]*(?:field-validation-error|validation-summary-errors|error)[^"]*"[^>]*>(.*?)<""", RegexOptions.Singleline)]
    private static partial Regex ErrorText();
}

internal static partial class Latency
{
    public sealed record Result(double RequestsPerSecond, double P50, double P95, double P99, long Requests);

    /// <summary>wrk with a small script that prints the percentiles it does not print by itself (p95); compressed
    /// answers as a browser asks for them; a 30 s timeout so that a slow answer is counted, not dropped.</summary>
    public static async Task<Result> MeasureAsync(string url, string cookie, int connections, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), "rcphub-bench-percentiles.lua");
        await File.WriteAllTextAsync(script, """
            done = function(summary, latency, requests)
              io.write(string.format("RCPHUB p50=%d p95=%d p99=%d requests=%d seconds=%f status=%d errors=%d\n",
                latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests, summary.duration / 1e6,
                summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
            end
            """);
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "30s", "-s", script,
            "-H", "Cookie: " + cookie, "-H", "Accept-Encoding: br, gzip", url])
        {
            RedirectStandardOutput = true,
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (bench/run installs it).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var m = Summary().Match(output);
        if (!m.Success)
        {
            throw new InvalidOperationException($"wrk gave no summary for {url}:\n{output}");
        }
        double Number(string name) => double.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        if (Number("status") > 0 || Number("errors") > 0)
        {
            throw new InvalidOperationException($"{url} answered errors under load:\n{output}");
        }
        return new Result(Number("requests") / Number("seconds"), Number("p50") / 1000, Number("p95") / 1000, Number("p99") / 1000, (long)Number("requests"));
    }

    [GeneratedRegex(@"RCPHUB p50=(?<p50>\d+) p95=(?<p95>\d+) p99=(?<p99>\d+) requests=(?<requests>\d+) seconds=(?<seconds>[\d.]+) status=(?<status>\d+) errors=(?<errors>\d+)")]
    private static partial Regex Summary();
}
