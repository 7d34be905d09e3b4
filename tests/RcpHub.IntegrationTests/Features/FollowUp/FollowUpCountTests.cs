using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.Features.Evaluation;
using RcpHub.Features.FollowUp;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.FollowUp;

/// <summary>The tallies counted by the database (<see cref="FollowUpProgress.Counts"/>, what the dashboard, the
/// evaluation report's earlier rounds and the public accountability page use) are the in-memory tallies of every
/// pair's report, on the demo process with an earlier closed round added: reports of states not asked, of a state
/// that has since left the process (Portugal), histories, validated reports, a report outside any round, and two
/// reports on one pair at the same instant.</summary>
public sealed class FollowUpCountTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _demo;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
        await using var scope = _factory.Scope();
        var db = scope.Db;
        _demo = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        var recommendations = await db.Recommendations.Where(r => r.Output!.ProcessId == _demo && r.Output.AdoptedOn != null)
            .OrderBy(r => r.OutputId).ThenBy(r => r.Number).Select(r => new { r.Id, r.OutputId }).ToListAsync();
        var open = await db.EvaluationRounds.Where(r => r.ProcessId == _demo).SingleAsync();
        var user = await db.Users.Select(u => u.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        // A round two years ago, when Portugal was still a member.
        var earlier = new EvaluationRound
        {
            ProcessId = _demo, Title = "Earlier evaluation", OutputId = open.OutputId, OpensAt = now.AddYears(-2), DeadlineAt = now.AddYears(-2).AddMonths(2),
            ClosedAt = now.AddYears(-2).AddMonths(2), OpenedByUserId = user, CreatedAt = now.AddYears(-2),
        };
        db.EvaluationRounds.Add(earlier);
        await db.SaveChangesAsync();

        var states = await db.States.OrderBy(s => s.Code).Select(s => s.Code).Take(40).ToListAsync();
        states.AddRange(["MAR", "SEN", "ESP", "DEU", "PRT"]);
        var statuses = Enum.GetValues<ImplementationStatus>();
        var existing = (await db.FollowUpReports.Select(x => new { x.RecommendationId, x.StateCode, x.RoundKey }).ToListAsync())
            .Select(x => (x.RecommendationId, x.StateCode, x.RoundKey)).ToHashSet();
        var at = now.AddYears(-2).AddDays(3);
        var n = 0;
        foreach (var (roundKey, roundId) in new[] { (earlier.Id, (int?)earlier.Id), (open.Id, open.Id), (0, null) })
        {
            foreach (var r in recommendations)
            {
                foreach (var state in states.Distinct().Where((_, i) => (i + r.Id + roundKey) % 3 != 0))
                {
                    n++;
                    if (existing.Contains((r.Id, state, roundKey)))
                    {
                        continue;
                    }
                    // One pair in four has a report sent back before the one in force.
                    var history = n % 4 == 0 ? 2 : 1;
                    for (var sequence = 1; sequence <= history; sequence++)
                    {
                        db.FollowUpReports.Add(new FollowUpReport
                        {
                            ProcessId = _demo, RecommendationId = r.Id, StateCode = state, RoundId = roundId, RoundKey = roundKey, Sequence = sequence,
                            IsLatest = sequence == history, Status = statuses[(n + sequence) % statuses.Length], On = DateOnly.FromDateTime(at.UtcDateTime),
                            ReportedByUserId = user,
                            // Outside any round, two pairs in five are reported at the very instant of their round's report.
                            ReportedAt = roundKey == 0 && n % 5 < 2 ? now.AddDays(-1) : roundKey == open.Id ? now.AddDays(-1) : at.AddMinutes(n),
                            Review = sequence < history ? ReviewState.ClarificationAsked : n % 3 == 0 ? ReviewState.Validated : ReviewState.Submitted,
                        });
                    }
                }
            }
            await db.SaveChangesAsync();
        }
        // Written around the commands, as reports saved before the flag were: marked as the migration marks them.
        await db.Database.ExecuteSqlRawAsync(FollowUpLatestAcrossRounds.MarkSql);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static string Show<TKey>(IReadOnlyDictionary<TKey, Tally> tallies) where TKey : notnull =>
        string.Join("; ", tallies.OrderBy(t => t.Key.ToString(), StringComparer.Ordinal).Select(t => $"{t.Key}: {Show(t.Value)}"));

    private static string Show(Tally t) =>
        $"{t.Asked}/{t.Reported} " + string.Join(",", Enum.GetValues<ImplementationStatus>().Select(t.Count));

    [Fact]
    public async Task Every_rounds_tallies_counted_by_the_database_are_those_of_each_pairs_report()
    {
        await using var scope = _factory.Scope();
        var rounds = await scope.Get<EvaluationRounds>().ListAsync(_demo, CancellationToken.None);
        Assert.Equal(2, rounds.Count);
        var now = DateTimeOffset.UtcNow;
        var counted = await EvaluationFigures.LoadAsync(scope.Db, scope.Get<FollowUpCountCache>(), null, _demo, rounds, now, CancellationToken.None);
        foreach (var round in rounds)
        {
            var inMemory = (await EvaluationFigures.LoadAsync(scope.Db, new FollowUpCountCache(), null, _demo, rounds, now, CancellationToken.None, detailed: round.Id))[round.Id];
            var inDatabase = counted[round.Id];
            Assert.Null(inDatabase.Statuses);
            Assert.True(inMemory.Overall.Reported > 0);
            Assert.True(inMemory.Overall.NotReported > 0);
            Assert.Equal(Show(inMemory.Overall), Show(inDatabase.Overall));
            Assert.Equal(Show(inMemory.ByRecommendation), Show(inDatabase.ByRecommendation));
            Assert.Equal(Show(inMemory.ByState), Show(inDatabase.ByState));
            Assert.Equal(Show(inMemory.ValidatedByState), Show(inDatabase.ValidatedByState));
            Assert.Equal(Show(inMemory.ByTheme), Show(inDatabase.ByTheme));
            Assert.Equal(Show(inMemory.ByGcmObjective), Show(inDatabase.ByGcmObjective));
        }
        // Portugal was asked in the earlier round and is not now.
        Assert.Contains("PRT", counted[rounds.Single(r => r.Title == "Earlier evaluation").Id].ByState.Keys);
        Assert.DoesNotContain("PRT", counted[rounds.Single(r => r.Title != "Earlier evaluation").Id].ByState.Keys);
    }

    [Fact]
    public async Task The_latest_report_across_rounds_counted_by_the_database_is_the_one_picked_in_memory()
    {
        await using var scope = _factory.Scope();
        var byState = await AssertLatestCountedAsInMemoryAsync(scope.Db);
        // A state no longer a member, its reports kept, is asked nothing now: counted nowhere.
        Assert.Contains(byState, c => c.StateCode == "PRT");
    }

    [Fact]
    public async Task The_latest_report_across_rounds_stays_right_after_saves_an_import_reviews_and_a_state_leaving()
    {
        await using var scope = _factory.Scope();
        var db = scope.Db;
        var clock = scope.Get<TimeProvider>();
        var user = await db.Users.Select(u => u.Id).FirstAsync();
        var asked = await db.Recommendations.Where(r => r.Output!.ProcessId == _demo && r.Output.AdoptedOn != null).OrderBy(r => r.Id)
            .Select(r => new AskedRecommendation(r.Id, r.OutputId, r.Output!.Title, r.Number, r.Text, r.OriginalLanguage)).ToListAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task<SaveOutcome> SaveAsync(AskedRecommendation recommendation, string state, ImplementationStatus status)
        {
            var roundKey = (await FollowUpQueries.OpenRoundAsync(db, _demo, recommendation.OutputId, clock.GetUtcNow(), CancellationToken.None))?.Id ?? 0;
            var basedOn = await db.FollowUpReports.Where(r => r.RecommendationId == recommendation.Id && r.StateCode == state && r.RoundKey == roundKey && r.IsLatest)
                .Select(r => r.Sequence).SingleOrDefaultAsync();
            var input = new ReportInput { Status = status, On = today, BasedOn = basedOn, RoundKey = roundKey };
            return (await FollowUpCommands.SaveReportAsync(db, clock, _demo, recommendation, state, user, input, [], CancellationToken.None)).Outcome;
        }

        // Counts held in memory by this instance and by another one on the same database, before any change: after each
        // change below they must not be shown any more.
        using var otherInstance = new FollowUpCountCache();
        FollowUpCountCache[] caches = [scope.Get<FollowUpCountCache>(), otherInstance];
        await AssertHeldCountsAreFreshAsync(scope, caches);

        // A save, then a second one on the same pair; a save on a recommendation of an output no round covers.
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(asked[0], "MAR", ImplementationStatus.Planned));
        await AssertHeldCountsAreFreshAsync(scope, caches);
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(asked[0], "MAR", ImplementationStatus.Implemented));
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(asked[^1], "MAR", ImplementationStatus.InProgress));
        db.ChangeTracker.Clear();
        await AssertLatestCountedAsInMemoryAsync(db);
        await AssertHeldCountsAreFreshAsync(scope, caches);

        // An import: one row per recommendation, pairs with reports in earlier rounds, outside rounds, and none.
        Assert.True(await FollowUpCommands.SaveRowsAsync(db, clock, _demo, "ESP", user,
            asked.Select(r => (r, new ReportInput { Status = ImplementationStatus.NotApplicable, On = today })).ToList(), CancellationToken.None));
        db.ChangeTracker.Clear();
        var esp = await db.FollowUpReports.Where(r => r.StateCode == "ESP" && r.IsLatestAcrossRounds && asked.Select(a => a.Id).Contains(r.RecommendationId)).ToListAsync();
        Assert.Equal(asked.Count, esp.Count);
        Assert.All(esp, r => Assert.Equal(ImplementationStatus.NotApplicable, r.Status));
        await AssertLatestCountedAsInMemoryAsync(db);
        await AssertHeldCountsAreFreshAsync(scope, caches);

        // The secretariat asks for clarification on one report and validates another: the reports stay in force.
        var latest = await db.FollowUpReports.Where(r => r.ProcessId == _demo && r.IsLatestAcrossRounds).OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync();
        Assert.True(await FollowUpCommands.ReviewAsync(db, clock, _demo, latest[0], ReviewState.ClarificationAsked, "Which decree?", user, CancellationToken.None));
        Assert.True(await FollowUpCommands.ReviewAsync(db, clock, _demo, latest[1], ReviewState.Validated, null, user, CancellationToken.None));
        db.ChangeTracker.Clear();
        Assert.Equal(2, await db.FollowUpReports.CountAsync(r => latest.Contains(r.Id) && r.IsLatestAcrossRounds));
        await AssertLatestCountedAsInMemoryAsync(db);
        await AssertHeldCountsAreFreshAsync(scope, caches);

        // A review in the closed earlier round: the only change a closed round's counts can see.
        var closedRound = await db.EvaluationRounds.Where(r => r.ProcessId == _demo && r.Title == "Earlier evaluation").Select(r => r.Id).SingleAsync();
        var inClosed = await db.FollowUpReports.Where(r => r.RoundKey == closedRound && r.IsLatest && r.Review != ReviewState.Validated).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        Assert.True(await FollowUpCommands.ReviewAsync(db, clock, _demo, inClosed, ReviewState.Validated, null, user, CancellationToken.None));
        db.ChangeTracker.Clear();
        await AssertHeldCountsAreFreshAsync(scope, caches);

        // Senegal leaves the process: its reports are kept, and only what is still asked of it (the recommendation naming it) counts.
        foreach (var membership in await db.Memberships.Where(m => m.ProcessId == _demo && m.StateCode == "SEN").ToListAsync())
        {
            membership.LeftOn = today;
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await AssertLatestCountedAsInMemoryAsync(db);
        await AssertHeldCountsAreFreshAsync(scope, caches);
    }

    /// <summary>The dashboard's tallies and every round's, read through caches that held counts made before the last
    /// change (<see cref="FollowUpCountCache"/>: this instance's and another's), are the tallies of each pair's report
    /// in memory now; then the same read again (held this time) gives them too.</summary>
    private async Task AssertHeldCountsAreFreshAsync(TestScope scope, IReadOnlyList<FollowUpCountCache> caches)
    {
        var db = scope.Db;
        db.ChangeTracker.Clear();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        var members = (await db.Memberships.MemberStatesOf(_demo, today).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var recommendations = await db.Recommendations.AsNoTracking().Include(r => r.States)
            .Where(r => r.Output!.ProcessId == _demo && r.Output.AdoptedOn != null).ToListAsync();
        var asked = recommendations.SelectMany(r => RecommendationAddressees.StatesOf(r, members).Select(s => new Addressed(r.Id, s))).ToList();
        var statuses = FollowUpProgress.LatestAcrossRounds(await db.FollowUpReports.InForce(_demo, null).ToListAsync());
        var dashboard = Show(FollowUpProgress.TallyBy<string>(asked, statuses, p => [p.StateCode]));
        var rounds = await scope.Get<EvaluationRounds>().ListAsync(_demo, CancellationToken.None);
        var inMemory = new Dictionary<int, RoundFigures>();
        foreach (var round in rounds)
        {
            inMemory[round.Id] = (await EvaluationFigures.LoadAsync(db, new FollowUpCountCache(), null, _demo, rounds, now, CancellationToken.None, detailed: round.Id))[round.Id];
        }
        var administrator = new MeetingReader("administrator", true, []);
        for (var view = 0; view < 2; view++)
        {
            foreach (var cache in caches)
            {
                var states = await FollowUpQueries.StatesAsync(db, cache, _demo, administrator, members, "en", CancellationToken.None);
                Assert.Equal(dashboard, Show(states.Where(s => s.Tally.Asked > 0).ToDictionary(s => s.Code, s => s.Tally)));
                var counted = await EvaluationFigures.LoadAsync(db, cache, null, _demo, rounds, now, CancellationToken.None);
                foreach (var round in rounds)
                {
                    Assert.Null(counted[round.Id].Statuses);
                    Assert.Equal(Show(inMemory[round.Id].ByRecommendation), Show(counted[round.Id].ByRecommendation));
                    Assert.Equal(Show(inMemory[round.Id].ByState), Show(counted[round.Id].ByState));
                    Assert.Equal(Show(inMemory[round.Id].ValidatedByState), Show(counted[round.Id].ValidatedByState));
                }
            }
        }
    }

    /// <summary>The tallies of the latest report across rounds, counted by the database on the reports marked in force
    /// across rounds, are those of the one picked in memory among every report in force; the counts made.</summary>
    private async Task<List<Counted>> AssertLatestCountedAsInMemoryAsync(AppDbContext db)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var members = (await db.Memberships.MemberStatesOf(_demo, today).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var recommendations = await db.Recommendations.AsNoTracking().Include(r => r.States)
            .Where(r => r.Output!.ProcessId == _demo && r.Output.AdoptedOn != null).ToListAsync();
        var ids = recommendations.Select(r => r.Id).ToList();
        var asked = recommendations.SelectMany(r => RecommendationAddressees.StatesOf(r, members).Select(s => new Addressed(r.Id, s))).ToList();

        var statuses = FollowUpProgress.LatestAcrossRounds(await db.FollowUpReports.InForce(_demo, null).ToListAsync());
        var latest = db.FollowUpReports.LatestAcrossRoundsReports(_demo);
        var byState = await latest.Counts(ids, members, CountedBy.State, perRound: false, inRoundScope: false).ToListAsync();
        var byRecommendation = await latest.Counts(ids, members, CountedBy.Recommendation, perRound: false, inRoundScope: false).ToListAsync();

        Assert.Equal(statuses.Count, await latest.CountAsync());
        Assert.Equal(statuses.Values.Select(s => (s.RecommendationId, s.StateCode, s.RoundKey)).Order().ToList(),
            (await latest.Select(r => new { r.RecommendationId, r.StateCode, r.RoundKey }).ToListAsync()).Select(r => (r.RecommendationId, r.StateCode, r.RoundKey)).Order().ToList());
        Assert.Equal(Show(FollowUpProgress.TallyBy<string>(asked, statuses, p => [p.StateCode])), Show(FollowUpProgress.TallyCounted<string>(asked, byState, p => [p.StateCode])));
        Assert.Equal(Show(FollowUpProgress.TallyBy<int>(asked, statuses, p => [p.RecommendationId])),
            Show(FollowUpProgress.TallyCounted<int>(asked, byRecommendation, p => [p.RecommendationId])));
        Assert.Equal(Show(FollowUpProgress.Overall(asked, statuses)), Show(FollowUpProgress.OverallCounted(asked, byRecommendation)));
        // A state that is not a member now is asked only what names it: PRT (former member) nothing.
        Assert.DoesNotContain("PRT", FollowUpProgress.TallyCounted<string>(asked, byState, p => [p.StateCode]).Keys);
        return byState;
    }
}
