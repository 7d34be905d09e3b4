using System.Globalization;
using System.Text;

/// <summary><c>bench/run --follow-up</c>: issue 10's budgets at the scale of every process in the world. Generates the
/// scale data with the application stopped (<see cref="FollowUpScale"/>), times the follow-up queries in this process
/// (<see cref="FollowUpQueries"/>), then starts the application on the data and measures the given pages
/// (<see cref="FollowUpPages"/>). Writes bench/results/follow-up-{database}-{time}.md.</summary>
internal static class FollowUpRun
{
    public static async Task<int> RunAsync(BenchOptions options, string app, string database, HttpClient http, DirectoryInfo work)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {options.DatabaseName}, Release build (load average at the start {FollowUpQueries.LoadAverage()}).");
        report.AppendLine();
        Console.WriteLine($"Generating the follow-up scale data on {options.DatabaseName}...");
        var loadBefore = FollowUpQueries.LoadAverage();
        var facts = await FollowUpScale.GenerateAsync(options.Postgres, database);
        report.AppendLine(CultureInfo.InvariantCulture,
            $"The scale data: {FollowUpScale.ProcessCount} processes of {FollowUpScale.StatesPerProcess} member states, {facts.Recommendations:N0} recommendations ({FollowUpScale.RecommendationsPerProcess} per process in {FollowUpScale.OutputsPerProcess} adopted outputs, and {FollowUpScale.ImportRows:N0} in `{FollowUpScale.ImportSlug}`), {FollowUpScale.RoundCount} rounds per process, " +
            $"**{facts.Reports:N0} follow-up reports** ({facts.InForce:N0} in force, the rest earlier reports sent back for clarification). " +
            $"Generated in **{facts.Took.TotalSeconds:0} s**: the structure through EF Core in {facts.StructureTook.TotalSeconds:0} s, the reports in bulk in {facts.ReportsTook.TotalSeconds:0} s " +
            $"({facts.Reports / facts.ReportsTook.TotalSeconds:N0} rows/s, indexes built after the load included; load average {loadBefore} before, {FollowUpQueries.LoadAverage()} after).");
        report.AppendLine();
        Console.WriteLine(report.ToString());

        if (!options.Explore && !options.NoQueries)
        {
            await FollowUpQueries.RunAsync(options.Postgres, database, options.Iterations, report);
        }
        using var server = AppProcess.Start(app, options.AppPort, database, options.Postgres);
        await server.WaitUntilReadyAsync(http);
        if (options.Explore)
        {
            Console.WriteLine($"The follow-up scale data is served at {http.BaseAddress}processes/p01 (to p60, and {FollowUpScale.ImportSlug}; demo accounts as README says, password {SignIn.DemoPassword}). Press Enter to stop.");
            Console.ReadLine();
            work.Delete(recursive: true);
            return 0;
        }
        await FollowUpPages.RunAsync(http, options, server.Id, report);

        Console.WriteLine(report.ToString());
        Directory.CreateDirectory(options.ResultsFolder);
        var file = Path.Combine(options.ResultsFolder, $"follow-up-{options.DatabaseName.ToLowerInvariant()}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine($"Written to {file}");
        work.Delete(recursive: true);
        return 0;
    }
}
