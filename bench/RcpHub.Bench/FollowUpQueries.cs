extern alias app;

using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using app::RcpHub.Data;
using app::RcpHub.Domain;

/// <summary>The follow-up reads every issue 10 page is built on, timed in this process against the generated database
/// (<see cref="FollowUpScale"/>) with the application stopped, through the application's own context and its one
/// progress rule (<see cref="FollowUpProgress"/>, <see cref="RecommendationAddressees"/>): what the evaluation report
/// and dashboard of a round compute, the latest status across rounds of a process, and one state's grid. Each is run by
/// 16 readers at once, on processes picked at random, and the SQL it sends is shown with the database's plan.</summary>
internal static class FollowUpQueries
{
    public const int Readers = 16;

    private sealed record Scenario(string Name, string What, Func<AppDbContext, Target, Task<int>> Run);

    /// <summary>A process of the scale data with its current (fifth) and previous round.</summary>
    private sealed record Target(int ProcessId, int RoundId, int PreviousRoundId);

    public static async Task RunAsync(string? postgres, string sqliteFile, int iterations, StringBuilder report)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        List<Target> targets;
        await using (var db = LargeProcess.Open(postgres, sqliteFile))
        {
            var slugs = Enumerable.Range(1, FollowUpScale.ProcessCount).Select(FollowUpScale.Slug).ToList();
            var rounds = await db.EvaluationRounds.Where(r => slugs.Contains(r.Process!.Slug)).Select(r => new { r.ProcessId, r.Id, r.OpensAt }).ToListAsync();
            targets = [.. rounds.GroupBy(r => r.ProcessId).Select(g => g.OrderByDescending(r => r.OpensAt).ToList()).Select(g => new Target(g[0].ProcessId, g[0].Id, g[1].Id))];
        }

        Scenario[] scenarios =
        [
            new("round", "Evaluation report of one round: the reports in force of the process in the round and in the one before, tallied by recommendation, state, theme and GCM objective, with the change since the previous round",
                (db, t) => RoundAsync(db, t, today)),
            new("latest", "Latest status across the five rounds of one process (dashboard): every report in force of the process, the most recent per recommendation and state, tallied overall and by state",
                (db, t) => LatestAsync(db, t, today)),
            new("round counted", "The same evaluation report as the application now reads it: the round's reports in force pair by pair (its heat map shows each), the four rounds before it counted by status in the database (FollowUpProgress.Counts, by recommendation and by state), tallied as before",
                (db, t) => RoundCountedAsync(db, t, today)),
            new("latest counted", "The same dashboard as the application now reads it: the reports marked latest across rounds when saved (LatestAcrossRoundsReports: one per pair, through the partial index), counted by status per state in the database (Counts), tallied against the pairs asked",
                (db, t) => LatestCountedAsync(db, t, today)),
            new("grid", $"One state's grid ({FollowUpScale.FocalState}): the recommendations addressed to it with its report in force in the current round",
                (db, t) => GridAsync(db, t, today)),
        ];

        report.AppendLine(CultureInfo.InvariantCulture, $"### The follow-up queries in process ({Readers} concurrent readers, {iterations} runs each, a random process of {targets.Count} each run)");
        report.AppendLine();
        report.AppendLine("Each run opens its own context, sends the queries and computes the tallies in memory, as a page would before rendering. One reader alone first, for comparison. " +
            "Processor time per run is this process's (EF Core, the tallies, and on SQLite the database engine too; not the PostgreSQL server's): on a machine shared with other work it is the figure that does not depend on the load. " +
            $"With {Readers} readers on {Environment.ProcessorCount} cores and nothing else running, a run waits for about {Readers}/{Environment.ProcessorCount} runs' processor time.");
        report.AppendLine();
        report.AppendLine("| query | queries sent | rows tallied | 1 reader p50 | 16 readers p50 | p95 | max | processor time per run | load average (1 min) before, after |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        var plans = new StringBuilder();
        foreach (var scenario in scenarios)
        {
            var capture = new Capture();
            int rows;
            await using (var db = LargeProcess.Open(postgres, sqliteFile, capture))
            {
                rows = await scenario.Run(db, targets[0]);
            }
            var commands = capture.Commands.ToList();
            var alone = await TimeAsync(postgres, sqliteFile, scenario, targets, readers: 1, runs: 5);
            var loadBefore = LoadAverage();
            var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var together = await TimeAsync(postgres, sqliteFile, scenario, targets, Readers, iterations);
            var cpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / together.Count;
            var loadAfter = LoadAverage();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {commands.Count} | {rows:N0} | {Percentile(alone, 50):N0} ms | {Percentile(together, 50):N0} ms | **{Percentile(together, 95):N0} ms** | {together.Max():N0} ms | {cpu:N0} ms | {loadBefore}, {loadAfter} |");
            plans.AppendLine(CultureInfo.InvariantCulture, $"#### {scenario.Name}: {scenario.What}");
            plans.AppendLine();
            foreach (var command in commands)
            {
                plans.AppendLine("```sql");
                plans.AppendLine(command.Sql.Trim());
                plans.AppendLine("```");
                plans.AppendLine("```");
                plans.AppendLine(await ExplainAsync(postgres, sqliteFile, command));
                plans.AppendLine("```");
            }
            plans.AppendLine();
        }
        report.AppendLine();
        foreach (var scenario in scenarios)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {scenario.Name}: {scenario.What}.");
        }
        report.AppendLine();
        report.AppendLine(postgres is null ? "### Their plans (EXPLAIN QUERY PLAN, on a process of the scale data)" : "### Their plans (EXPLAIN (ANALYZE, BUFFERS), on a process of the scale data)");
        report.AppendLine();
        report.Append(plans);
    }

    /// <summary>The evaluation report of a round: what was asked, what is in force in the round and in the previous
    /// one, tallied by every key the report shows.</summary>
    private static async Task<int> RoundAsync(AppDbContext db, Target t, DateOnly today)
    {
        var round = await db.EvaluationRounds.AsNoTracking().Where(r => r.Id == t.RoundId).Select(r => new { r.ProcessId, r.OutputId }).SingleAsync();
        var members = (await db.Memberships.MemberStatesOf(round.ProcessId, today).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var recommendations = await Recommendations(db, round.ProcessId, round.OutputId).ToListAsync();
        var now = FollowUpProgress.LatestAcrossRounds(await db.FollowUpReports.InForce(round.ProcessId, t.RoundId).ToListAsync());
        var before = FollowUpProgress.LatestAcrossRounds(await db.FollowUpReports.InForce(round.ProcessId, t.PreviousRoundId).ToListAsync());
        var asked = Asked(recommendations, members);
        var themes = recommendations.ToDictionary(r => r.Id, r => r.Themes.Select(x => x.ThemeId).ToArray());
        var objectives = recommendations.ToDictionary(r => r.Id, r => r.GcmObjectives.Select(x => x.Objective).ToArray());
        foreach (var statuses in new[] { now, before })
        {
            FollowUpProgress.TallyBy<int>(asked, statuses, a => [a.RecommendationId]);
            FollowUpProgress.TallyBy<string>(asked, statuses, a => [a.StateCode]);
            FollowUpProgress.TallyBy(asked, statuses, a => themes[a.RecommendationId]);
            FollowUpProgress.TallyBy(asked, statuses, a => objectives[a.RecommendationId]);
            FollowUpProgress.Overall(asked, statuses);
        }
        return now.Count + before.Count;
    }

    private static async Task<int> LatestAsync(AppDbContext db, Target t, DateOnly today)
    {
        var members = (await db.Memberships.MemberStatesOf(t.ProcessId, today).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var recommendations = await Recommendations(db, t.ProcessId, null).ToListAsync();
        var inForce = await db.FollowUpReports.InForce(t.ProcessId, null).ToListAsync();
        var latest = FollowUpProgress.LatestAcrossRounds(inForce);
        var asked = Asked(recommendations, members);
        FollowUpProgress.Overall(asked, latest);
        FollowUpProgress.TallyBy<string>(asked, latest, a => [a.StateCode]);
        return inForce.Count;
    }

    private static async Task<int> RoundCountedAsync(AppDbContext db, Target t, DateOnly today)
    {
        var round = await db.EvaluationRounds.AsNoTracking().Where(r => r.Id == t.RoundId).Select(r => new { r.ProcessId, r.OutputId }).SingleAsync();
        var members = (await db.Memberships.MemberStatesOf(round.ProcessId, today).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var recommendations = await Recommendations(db, round.ProcessId, round.OutputId).ToListAsync();
        var now = FollowUpProgress.LatestAcrossRounds(await db.FollowUpReports.InForce(round.ProcessId, t.RoundId).ToListAsync());
        var earlier = db.FollowUpReports.InForceReports(round.ProcessId, null).Where(r => r.RoundKey != t.RoundId && r.RoundKey != 0);
        var ids = recommendations.Select(r => r.Id).ToList();
        var byRecommendation = await earlier.Counts(ids, members, CountedBy.Recommendation, perRound: true, inRoundScope: true).ToListAsync();
        var byState = await earlier.Counts(ids, members, CountedBy.State, perRound: true, inRoundScope: true).ToListAsync();
        var asked = Asked(recommendations, members);
        var themes = recommendations.ToDictionary(r => r.Id, r => r.Themes.Select(x => x.ThemeId).ToArray());
        var objectives = recommendations.ToDictionary(r => r.Id, r => r.GcmObjectives.Select(x => x.Objective).ToArray());
        FollowUpProgress.TallyBy<int>(asked, now, a => [a.RecommendationId]);
        FollowUpProgress.TallyBy<string>(asked, now, a => [a.StateCode]);
        FollowUpProgress.TallyBy(asked, now, a => themes[a.RecommendationId]);
        FollowUpProgress.TallyBy(asked, now, a => objectives[a.RecommendationId]);
        FollowUpProgress.Overall(asked, now);
        foreach (var key in byRecommendation.Select(c => c.RoundKey).Distinct())
        {
            var r = byRecommendation.Where(c => c.RoundKey == key).ToList();
            var s = byState.Where(c => c.RoundKey == key).ToList();
            FollowUpProgress.TallyCounted<int>(asked, r, a => [a.RecommendationId]);
            FollowUpProgress.TallyCounted<string>(asked, s, a => [a.StateCode]);
            FollowUpProgress.TallyCounted(asked, r, a => themes[a.RecommendationId]);
            FollowUpProgress.TallyCounted(asked, r, a => objectives[a.RecommendationId]);
            FollowUpProgress.OverallCounted(asked, r);
        }
        return now.Count + byRecommendation.Count + byState.Count;
    }

    private static async Task<int> LatestCountedAsync(AppDbContext db, Target t, DateOnly today)
    {
        var members = (await db.Memberships.MemberStatesOf(t.ProcessId, today).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var recommendations = await Recommendations(db, t.ProcessId, null).ToListAsync();
        var counts = await db.FollowUpReports.LatestAcrossRoundsReports(t.ProcessId)
            .Counts(recommendations.Select(r => r.Id).ToList(), members, CountedBy.State, perRound: false, inRoundScope: false).ToListAsync();
        var asked = Asked(recommendations, members);
        FollowUpProgress.TallyCounted<string>(asked, counts, a => [a.StateCode]);
        return counts.Count;
    }

    private static async Task<int> GridAsync(AppDbContext db, Target t, DateOnly today)
    {
        const string state = FollowUpScale.FocalState;
        var members = (await db.Memberships.MemberStatesOf(t.ProcessId, today).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var recommendations = (await Recommendations(db, t.ProcessId, null).ToListAsync())
            .Where(r => RecommendationAddressees.IsAddressedTo(r, state, members)).ToList();
        var reports = await db.FollowUpReports.Where(r => r.StateCode == state).InForce(t.ProcessId, t.RoundId).ToDictionaryAsync(s => s.RecommendationId);
        var grid = recommendations.Select(r => (r.Number, r.Text, Status: reports.GetValueOrDefault(r.Id)?.Status)).ToList();
        return grid.Count;
    }

    /// <summary>The recommendations of a process's adopted outputs (or of one output), with what the tallies group by.</summary>
    private static IQueryable<Recommendation> Recommendations(AppDbContext db, int processId, int? outputId) =>
        db.Recommendations.AsNoTracking()
            .Where(r => r.Output!.ProcessId == processId && r.Output.AdoptedOn != null && (outputId == null || r.OutputId == outputId))
            .Include(r => r.States).Include(r => r.Themes).Include(r => r.GcmObjectives)
            .AsSplitQuery();

    private static List<Addressed> Asked(List<Recommendation> recommendations, HashSet<string> members) =>
        [.. recommendations.SelectMany(r => RecommendationAddressees.StatesOf(r, members).Select(s => new Addressed(r.Id, s)))];

    private static async Task<List<double>> TimeAsync(string? postgres, string sqliteFile, Scenario scenario, List<Target> targets, int readers, int runs)
    {
        var times = new ConcurrentBag<double>();
        await Task.WhenAll(Enumerable.Range(0, readers).Select(reader => Task.Run(async () =>
        {
            var random = new Random(reader);
            for (var i = 0; i < runs; i++)
            {
                var target = targets[random.Next(targets.Count)];
                var clock = Stopwatch.StartNew();
                await using var db = LargeProcess.Open(postgres, sqliteFile);
                await scenario.Run(db, target);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        })));
        return [.. times];
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static async Task<string> ExplainAsync(string? postgres, string sqliteFile, Captured command)
    {
        await using var db = LargeProcess.Open(postgres, sqliteFile);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = (postgres is null ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            explain.Parameters.Add(parameter);
        }
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // SQLite: id, parent, notused, detail; PostgreSQL: one line of text.
            lines.Add(postgres is null ? $"{reader.GetInt32(0)} {reader.GetInt32(1)} {reader.GetString(3)}" : reader.GetString(0));
        }
        return string.Join('\n', lines);
    }

    private sealed record Captured(string Sql, List<(string Name, object? Value)> Parameters);

    /// <summary>Keeps every command a context sends, to count them and explain them afterwards.</summary>
    private sealed class Capture : DbCommandInterceptor
    {
        public ConcurrentQueue<Captured> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(new Captured(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
