using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace RcpHub.IntegrationTests.Features.Meetings;

/// <summary>Parses iCalendar with node-ical (an independent, real parser from npm, run by node) rather than by
/// matching strings, so that the feeds are proven readable by calendar software.</summary>
internal static class CalendarParser
{
    public sealed record ParsedEvent(string Uid, string Summary, string? Location, string? Description, string? Url,
        string? Status, int? Sequence, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset? Stamp);

    public sealed record ParsedCalendar(string? Version, List<ParsedEvent> Events)
    {
        public ParsedEvent Single(string summary) => Assert.Single(Events, e => e.Summary == summary);

        public IEnumerable<string> Summaries => Events.Select(e => e.Summary);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<ParsedCalendar> ParseAsync(string ics)
    {
        var start = new ProcessStartInfo("node", "parse.js")
        {
            WorkingDirectory = Folder(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(ics);
        node.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"node-ical could not parse the feed: {await error}");
        return JsonSerializer.Deserialize<ParsedCalendar>(await output, Json)!;
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "tests", "RcpHub.IntegrationTests", "calendar-parser");
            if (File.Exists(Path.Combine(folder, "parse.js")))
            {
                return folder;
            }
        }
        throw new InvalidOperationException("tests/RcpHub.IntegrationTests/calendar-parser not found above " + AppContext.BaseDirectory);
    }
}
