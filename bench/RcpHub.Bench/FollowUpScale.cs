extern alias app;

using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.EntityFrameworkCore;
using app::RcpHub.Data;
using app::RcpHub.Domain;

/// <summary>Follow-up at the scale of every process in the world (issue 10): 60 processes (slugs p01 to p60), each with
/// 60 member states, 4 adopted outputs holding 200 recommendations in all (nine in ten to all members, one in ten to six
/// named states; themes, one or two GCM objectives, an SDG target, a French translation for a third), and five yearly
/// evaluation rounds (the last one open) in which every state asked has reported on every recommendation: one report in
/// force per recommendation, state and round, and for one pair in ten an earlier report or two that the secretariat sent
/// back for clarification. About 3.6 million follow-up reports. The structure is written through the application's own
/// context; the reports, nearly all the rows, by <see cref="BulkRows"/>. A 61st process, <c>pimport</c>, holds one output
/// of <see cref="ImportRows"/> recommendations to all members and an open round with no reports: what a 3,000-row
/// spreadsheet import is measured on. The demo secretariat is secretariat of every one of them, the demo focal point
/// focal point for Morocco (a member of each), so that the bench can read their pages signed in as either.</summary>
internal static class FollowUpScale
{
    public const int ProcessCount = 60;
    public const int RecommendationsPerProcess = 200;
    public const int OutputsPerProcess = 4;
    public const int StatesPerProcess = 60;
    public const int RoundCount = 5;
    public const int ImportRows = 3_000;
    public const string FocalState = "MAR";
    public const string ImportSlug = "pimport";

    public sealed record Facts(long Reports, long InForce, int Recommendations, TimeSpan StructureTook, TimeSpan ReportsTook)
    {
        public TimeSpan Took => StructureTook + ReportsTook;
    }

    public static string Slug(int process) => $"p{process:00}";

    /// <summary>Whether the SQLite file already holds the scale data (an earlier run's, kept with --data).</summary>
    public static async Task<bool> HeldAsync(string? postgres, string sqliteFile)
    {
        await using var db = LargeProcess.Open(postgres, sqliteFile);
        return await db.Processes.AnyAsync(p => p.Slug == Slug(ProcessCount));
    }

    public static async Task<Facts> GenerateAsync(string? postgres, string sqliteFile)
    {
        var clock = Stopwatch.StartNew();
        await using var db = LargeProcess.Open(postgres, sqliteFile);
        if (await db.Processes.AnyAsync(p => p.Slug == Slug(1)))
        {
            throw new InvalidOperationException($"The database already holds the scale data ({Slug(1)}): give the bench an empty database.");
        }
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var states = await db.States.Select(s => s.Code).Where(c => c != FocalState).OrderBy(c => c).ToListAsync();
        var themes = await db.Themes.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var users = await db.Users.Where(u => u.Email!.EndsWith("@demo.rcphub.test")).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var secretariat = users["secretariat@demo.rcphub.test"];
        var focalPoint = users["focal-point@demo.rcphub.test"];

        // What the report pass needs of each process: its rounds and, per recommendation, the states it asks.
        var plans = new List<(int ProcessId, EvaluationRound[] Rounds, List<(int RecommendationId, string[] States)> Asked)>();
        var recommendations = 0;
        for (var p = 1; p <= ProcessCount + 1; p++)
        {
            var forImport = p > ProcessCount;
            // Overlapping windows of the world's states, Morocco in every one.
            var members = states.Skip((p * 7) % (states.Count - StatesPerProcess)).Take(StatesPerProcess - 1).Append(FocalState).Order(StringComparer.Ordinal).ToArray();
            var process = new Process
            {
                Slug = forImport ? ImportSlug : Slug(p),
                Acronym = forImport ? "PIMPORT" : $"P{p:00}",
                Name = forImport ? "Follow-up import process (bench)" : $"Follow-up scale process {p:00} (bench)",
                Kind = ProcessKind.RegionalConsultativeProcess,
                Region = "Bench",
                Status = ProcessStatus.Active,
                // Kept out of public counts and maps, and removed by remove-demo, like the demo process.
                IsDemo = true,
                Memberships = [.. members.Select(code => new Membership { StateCode = code, Role = MembershipRole.Member, JoinedOn = today.AddYears(-10) })],
            };
            db.Processes.Add(process);
            db.ProcessRoleAssignments.AddRange(
                new ProcessRoleAssignment { UserId = secretariat, Process = process, Role = ProcessRole.Secretariat, GrantedAt = now },
                new ProcessRoleAssignment { UserId = focalPoint, Process = process, Role = ProcessRole.FocalPoint, StateCode = FocalState, Ministry = "Ministry of Interior", GrantedAt = now });
            var outputCount = forImport ? 1 : OutputsPerProcess;
            var perOutput = forImport ? ImportRows : RecommendationsPerProcess / OutputsPerProcess;
            var outputs = new List<Output>();
            for (var o = 0; o < outputCount; o++)
            {
                var adopted = today.AddYears(-6).AddDays(o * 45);
                var output = new Output
                {
                    Process = process,
                    Kind = OutputKinds[o % OutputKinds.Length],
                    Title = $"{OutputKinds[o % OutputKinds.Length]} on {LargeProcess.Topics[(p + o) % LargeProcess.Topics.Length]} (bench)",
                    OriginalLanguage = "en",
                    // The first output of each process public, so that the accountability page has something to show.
                    Audience = o == 0 ? MeetingAudience.Public : MeetingAudience.MembersOnly,
                    AdoptedOn = adopted,
                    CreatedAt = now.AddYears(-6),
                    UpdatedAt = now.AddYears(-6),
                    Versions = [new OutputVersion { Number = 1, Text = $"The member states recommend the following on {LargeProcess.Topics[(p + o) % LargeProcess.Topics.Length]}.\n\nThey will report on their progress every year.", SavedByUserId = secretariat, SavedAt = now.AddYears(-6) }],
                };
                for (var n = 1; n <= perOutput; n++)
                {
                    var k = (o * perOutput) + n;
                    var named = !forImport && k % 10 == 0;
                    var topic = LargeProcess.Topics[k % LargeProcess.Topics.Length];
                    output.Recommendations.Add(new Recommendation
                    {
                        Number = n,
                        OriginalLanguage = "en",
                        Text = $"{Verbs[k % Verbs.Length]} {topic}, with a yearly account of what changed for migrants and their families (recommendation {k}).",
                        ToAllMembers = !named,
                        ToSecretariat = k % 20 == 0,
                        States = named ? [.. Enumerable.Range(0, 6).Select(i => new RecommendationState { StateCode = members[(k + (i * 9)) % members.Length] })] : [],
                        Themes = themes.Count == 0 ? [] : [.. new[] { themes[k % themes.Count], themes[(k * 5) % themes.Count] }.Distinct().Select(t => new RecommendationTheme { ThemeId = t })],
                        GcmObjectives = [.. new[] { (k % 23) + 1, ((k * 7) % 23) + 1 }.Take(k % 3 == 0 ? 2 : 1).Distinct().Select(g => new RecommendationGcmObjective { Objective = g })],
                        SdgTargets = [new RecommendationSdgTarget { Code = SdgTargets[k % SdgTargets.Length] }],
                        Translations = k % 3 == 0 ? [new RecommendationTranslation { Language = "fr", Text = $"Traduction de la recommandation {k}.", Status = TranslationStatus.Final }] : [],
                    });
                }
                outputs.Add(output);
                db.Outputs.Add(output);
            }
            // Yearly rounds over every adopted output, each open for three months; the fifth opened two months ago.
            var rounds = Enumerable.Range(1, forImport ? 1 : RoundCount).Select(i =>
            {
                var opens = forImport ? now.AddDays(-60) : now.AddYears(i - RoundCount).AddDays(-60);
                return new EvaluationRound
                {
                    Process = process,
                    Title = forImport ? "Import round (bench)" : $"Evaluation round {i} (bench)",
                    OpensAt = opens,
                    DeadlineAt = opens.AddDays(90),
                    ClosedAt = opens.AddDays(90) < now ? opens.AddDays(90) : null,
                    OpenedByUserId = secretariat,
                    CreatedAt = opens,
                };
            }).ToArray();
            db.EvaluationRounds.AddRange(rounds);
            await db.SaveChangesAsync();
            recommendations += outputs.Sum(o => o.Recommendations.Count);
            if (!forImport)
            {
                plans.Add((process.Id, rounds, [.. outputs.SelectMany(o => o.Recommendations).Select(r => (r.Id, r.ToAllMembers ? members : r.States.Select(s => s.StateCode).ToArray()))]));
            }
            db.ChangeTracker.Clear();
        }
        var structureTook = clock.Elapsed;

        clock.Restart();
        var connectionString = postgres ?? $"Data Source={sqliteFile}";
        long inForce = 0;
        await using (var rows = await BulkRows.OpenAsync<FollowUpReport>(db, connectionString,
            nameof(FollowUpReport.ProcessId), nameof(FollowUpReport.RecommendationId), nameof(FollowUpReport.StateCode), nameof(FollowUpReport.RoundId),
            nameof(FollowUpReport.RoundKey), nameof(FollowUpReport.Sequence), nameof(FollowUpReport.IsLatest), nameof(FollowUpReport.IsLatestAcrossRounds), nameof(FollowUpReport.Status),
            nameof(FollowUpReport.Action), nameof(FollowUpReport.ResponsibleMinistry), nameof(FollowUpReport.EvidenceText), nameof(FollowUpReport.EvidenceLinks),
            nameof(FollowUpReport.On), nameof(FollowUpReport.ReportedByUserId), nameof(FollowUpReport.ReportedAt), nameof(FollowUpReport.Review),
            nameof(FollowUpReport.ReviewNote), nameof(FollowUpReport.ReviewedByUserId), nameof(FollowUpReport.ReviewedAt)))
        {
            // Round by round, so that the rows lie in the order real reports would arrive in.
            for (var round = 1; round <= RoundCount; round++)
            {
                foreach (var (processId, rounds, asked) in plans)
                {
                    var r = rounds[round - 1];
                    var open = r.ClosedAt is null;
                    foreach (var (recommendationId, addressed) in asked)
                    {
                        for (var s = 0; s < addressed.Length; s++)
                        {
                            var h = Mix(recommendationId, addressed[s]);
                            var status = StatusOf(h, round);
                            // Within the round's three months, and never after today in the open one.
                            var reportedAt = r.OpensAt.AddDays(open ? h % 55 : h % 85).AddMinutes(h % 600);
                            var sequences = h % 30 == 0 ? 3 : h % 30 == 1 ? 2 : 1;
                            for (var sequence = 1; sequence <= sequences; sequence++)
                            {
                                var latest = sequence == sequences;
                                var at = reportedAt.AddDays(-5 * (sequences - sequence));
                                var review = !latest ? ReviewState.ClarificationAsked : !open || h % 3 == 0 ? ReviewState.Validated : h % 7 == 1 ? ReviewState.ClarificationAsked : ReviewState.Submitted;
                                var reviewedAt = review == ReviewState.Submitted ? (DateTimeOffset?)null : Min(at.AddDays(2), now);
                                await rows.AddAsync(
                                    processId, recommendationId, addressed[s], r.Id,
                                    // Rounds a year apart: the last round's report in force is each pair's latest across rounds.
                                    r.Id, sequence, latest, latest && round == RoundCount, latest ? status : ImplementationStatus.Planned,
                                    status == ImplementationStatus.NotStarted ? null : Actions[h % Actions.Length], Ministries[h % Ministries.Length],
                                    status == ImplementationStatus.Implemented ? "Published in the official gazette." : null,
                                    status == ImplementationStatus.Implemented ? new List<string> { $"https://example.org/gazette/{recommendationId}" } : new List<string>(),
                                    DateOnly.FromDateTime(at.UtcDateTime.AddDays(-(h % 10))), focalPoint, at, review,
                                    review == ReviewState.ClarificationAsked ? "Please give the reference of the decree." : null,
                                    review == ReviewState.Submitted ? null : secretariat, reviewedAt);
                                inForce += latest ? 1 : 0;
                            }
                        }
                    }
                }
            }
            await rows.CompleteAsync();
            return new Facts(rows.Count, inForce, recommendations, structureTook, clock.Elapsed);
        }
    }

    /// <summary>Progress that grows from round to round: about a third not started in the first, most under way or done
    /// by the fifth; one pair in forty-one not applicable throughout.</summary>
    private static ImplementationStatus StatusOf(int h, int round)
    {
        if (h % 41 == 0)
        {
            return ImplementationStatus.NotApplicable;
        }
        var progress = (h % 100) + ((round - 1) * 10);
        return progress < 35 ? ImplementationStatus.NotStarted : progress < 55 ? ImplementationStatus.Planned : progress < 80 ? ImplementationStatus.InProgress : ImplementationStatus.Implemented;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>A stable, well spread number per (recommendation, state): the same pair progresses alike in every round.</summary>
    private static int Mix(int recommendationId, string state)
    {
        var x = (uint)recommendationId * 2654435761u;
        foreach (var c in state)
        {
            x = (x ^ c) * 16777619u;
        }
        x ^= x >> 15;
        return (int)(x % 1_000_003);
    }

    private static readonly OutputKind[] OutputKinds = [OutputKind.Recommendations, OutputKind.Declaration, OutputKind.ActionPlan, OutputKind.Conclusions];
    private static readonly string[] Verbs = ["Set up a national plan on", "Share data yearly on", "Train officials in", "Adopt a law on", "Open a regional desk on", "Fund local services for"];
    private static readonly string[] SdgTargets = ["10.7", "10.7.2", "8.8", "10.c", "16.2", "17.18", "5.2", "8.7"];
    private static readonly string[] Actions =
    [
        "A circular instructed the regional offices; training for 120 officials is planned next quarter.",
        "The draft law is before parliament after consultation with employers and trade unions.",
        "A national working group met three times and agreed on a plan with a budget.",
        "The register is online and updated monthly; the region receives a copy twice a year.",
    ];
    private static readonly string[] Ministries = ["Ministry of Interior", "Ministry of Labour", "Ministry of Foreign Affairs", "National Statistics Office", "Ministry of Justice"];
}
