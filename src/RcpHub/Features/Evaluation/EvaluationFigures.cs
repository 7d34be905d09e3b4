using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.FollowUp;

namespace RcpHub.Features.Evaluation;

/// <summary>A recommendation in an evaluation: what it says, which output it belongs to, what it is linked to.</summary>
public sealed record EvaluatedRecommendation(int Id, int OutputId, string OutputTitle, int Number, string Text,
    IReadOnlyList<string> AskedStates, IReadOnlyList<(int Id, string Name)> Themes, IReadOnlyList<int> GcmObjectives);

/// <summary>One round's figures: the (recommendation, state) pairs it asks, the reports in force in it, and their
/// tallies through <see cref="FollowUpProgress"/> (the one count) by recommendation, state, theme and GCM objective.</summary>
public sealed class RoundFigures
{
    public required RoundRow Round { get; init; }
    public required IReadOnlyList<EvaluatedRecommendation> Recommendations { get; init; }
    public required IReadOnlyList<Addressed> Asked { get; init; }
    /// <summary>Every pair's report in force when the round was read pair by pair (<see cref="WholeGrid"/>); null when it
    /// was counted by the database.</summary>
    public required IReadOnlyDictionary<Addressed, StatusInForce>? Statuses { get; init; }

    /// <summary>Whether <see cref="Statuses"/> holds every pair of the round (the heat map can be drawn whole).</summary>
    public bool WholeGrid => Statuses is not null;

    /// <summary>In a round counted by the database, the status of each pair of the one state picked (its row of the grid).</summary>
    public IReadOnlyDictionary<Addressed, ImplementationStatus> Picked { get; init; } = new Dictionary<Addressed, ImplementationStatus>();

    /// <summary>The states asked (members of the process and states named by a recommendation), by code, for their names
    /// and shapes; a named state that is not a member may be missing (see <see cref="EvaluationReport"/>).</summary>
    public IReadOnlyDictionary<string, State> StateDetails { get; init; } = new Dictionary<string, State>();
    public required Tally Overall { get; init; }
    public required IReadOnlyDictionary<int, Tally> ByRecommendation { get; init; }
    public required IReadOnlyDictionary<string, Tally> ByState { get; init; }

    /// <summary>Per state, the tally of the validated reports alone: its <see cref="Tally.Reported"/> is how many are validated.</summary>
    public required IReadOnlyDictionary<string, Tally> ValidatedByState { get; init; }
    public required IReadOnlyDictionary<int, Tally> ByTheme { get; init; }
    public required IReadOnlyDictionary<int, Tally> ByGcmObjective { get; init; }

    public IReadOnlyList<string> States => ByState.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>While this round was counted (not read whole): the key its tallies are held under (its reports' version,
    /// the recommendations counted with their addressees and links, its member states, the picked state) with a digest of
    /// everything else the report shows of its recommendations (numbers, outputs' titles, texts, themes' names). Two
    /// figures under the same key show the same; what is drawn from them may be held under it too
    /// (<see cref="EvaluationDocument.Body"/>). Null when the round was read pair by pair.</summary>
    public string? HeldUnder { get; init; }

    public ImplementationStatus? StatusOf(int recommendationId, string state) =>
        Statuses is not null
            ? Statuses.TryGetValue(new Addressed(recommendationId, state), out var s) ? s.Status : null
            : Picked.TryGetValue(new Addressed(recommendationId, state), out var p) ? p : null;
}

/// <summary>Loads the figures of several rounds of one process at once (a handful of queries whatever the number of
/// rounds): the recommendations the reader may read (<see cref="OutputAccess"/>) of the adopted outputs each round
/// covers, the states each asks (<see cref="RecommendationAddressees"/>, with the membership of the round's closing
/// day), and the reports in force in each round (<see cref="FollowUpProgress.InForce"/>).</summary>
public static class EvaluationFigures
{
    /// <summary>Up to this many (state, recommendation) pairs in a round, its report reads every pair and draws the whole
    /// heat map with its table; above it only the tallies are counted (by the database) and the reader picks a state to
    /// see its row of the grid, the whole grid being in the CSV and XLSX. Each pair costs about 22 bytes of the compressed
    /// page (its cell in the picture and in the table: the report of 10,920 pairs fell from 316 KB to 73.5 KB without
    /// them, docs/benchmarks.md "Issue 10"), so 400 pairs keep the grid under 10 KB of the page's 50 KB, and a round of
    /// up to 20 states by 20 recommendations is shown whole as before.</summary>
    public const int WholeGridPairs = 400;

    /// <param name="reader">Null for the platform's own work (reminders): every recommendation counts.</param>
    /// <param name="detailed">The round whose every pair's status is read (<see cref="RoundFigures.StatusOf"/>) when it
    /// asks at most <see cref="WholeGridPairs"/> pairs or <paramref name="wholeGrid"/> is set; the tallies of the others
    /// (and of a large detailed round) are counted by the database (<see cref="FollowUpProgress.Counts"/>), with the same
    /// figures.</param>
    /// <param name="wholeGrid">Every pair of the detailed round, whatever their number (the CSV and XLSX files).</param>
    /// <param name="pickedState">In a large detailed round, the state whose row of the grid is read (<see cref="RoundFigures.Picked"/>):
    /// the database counts its reports pair by pair, in the same query as the other states' counts.</param>
    /// <param name="cache">Where the counts of a round are held between views, under its <see cref="RoundRow.ReportsVersion"/>.</param>
    public static async Task<IReadOnlyDictionary<int, RoundFigures>> LoadAsync(AppDbContext db, FollowUpCountCache cache, MeetingReader? reader, int processId,
        IReadOnlyList<RoundRow> rounds, DateTimeOffset now, CancellationToken ct, int? detailed = null, bool wholeGrid = false, string? pickedState = null)
    {
        if (rounds.Count == 0)
        {
            return new Dictionary<int, RoundFigures>();
        }
        var adopted = db.Outputs.AsNoTracking().Where(o => o.ProcessId == processId && o.AdoptedOn != null);
        var recommendations = reader is null ? adopted.SelectMany(o => o.Recommendations) : adopted.VisibleRecommendations(reader);
        var outputIds = rounds.Select(r => r.OutputId).ToList();
        var everyOutput = outputIds.Contains(null);
        // The links as lists joined by the database, one row per recommendation: read as collections they made one row per
        // recommendation x named state x theme x objective (787 rows for 200 recommendations at the scale of the world),
        // which EF Core shaped back into objects on every view, the largest part of the report's processor time.
        var loaded = (await recommendations
            .Where(r => everyOutput || outputIds.Contains((int?)r.OutputId))
            .OrderBy(r => r.OutputId).ThenBy(r => r.Number)
            .Select(r => new
            {
                r.Id,
                r.OutputId,
                OutputTitle = r.Output!.Title,
                r.Number,
                r.Text,
                r.ToAllMembers,
                States = r.States.GroupBy(s => s.RecommendationId).Select(g => string.Join(",", g.Select(s => s.StateCode))).FirstOrDefault(),
                Themes = r.Themes.GroupBy(x => x.RecommendationId).Select(g => string.Join(",", g.Select(x => x.ThemeId.ToString()))).FirstOrDefault(),
                Gcm = r.GcmObjectives.GroupBy(x => x.RecommendationId).Select(g => string.Join(",", g.Select(x => x.Objective.ToString()))).FirstOrDefault(),
            })
            .ToListAsync(ct))
            .Select(r => new
            {
                r.Id, r.OutputId, r.OutputTitle, r.Number, r.Text, r.ToAllMembers,
                States = JoinedList.Codes(r.States), Themes = JoinedList.Numbers(r.Themes), Gcm = JoinedList.Numbers(r.Gcm),
            })
            .ToList();
        // The themes' names read apart: joined in the query above, SQLite built the whole table of every recommendation's
        // themes (30,000 rows at the scale of the world) for each view, about 20 ms of processor time (docs/benchmarks.md).
        var themeIds = loaded.SelectMany(r => r.Themes).Distinct().ToList();
        var themeNames = themeIds.Count == 0 ? new Dictionary<int, string>()
            : await db.Themes.AsNoTracking().Where(t => themeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        // With their states: the report names them and draws them on the map, without a query of its own.
        var memberships = await db.Memberships.AsNoTracking().Include(m => m.State)
            .Where(m => m.ProcessId == processId && m.Role == MembershipRole.Member && m.StateCode != null)
            .ToListAsync(ct);
        var stateDetails = memberships.Where(m => m.State is not null).DistinctBy(m => m.StateCode).ToDictionary(m => m.StateCode!, m => m.State!, StringComparer.Ordinal);
        var membersOn = rounds.ToDictionary(r => r.Id, r =>
        {
            var day = r.MembershipDay(now);
            return memberships.Where(m => m.IsCurrent(day)).Select(m => m.StateCode!).ToHashSet(StringComparer.Ordinal);
        });
        // Everything shown of the recommendations read, as one digest: with a round's members it says which pairs the round
        // asks, so that a view of an unchanged round does not build its pairs again (five rounds of 10,920 at the scale of
        // the world), and with a round's counts it keys what is drawn from them.
        var content = FollowUpCountCache.Digest(loaded.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Id}:{r.OutputId}:{r.Number}:{(r.ToAllMembers ? 1 : 0)}:{string.Join(',', r.States.Order(StringComparer.Ordinal))}:{string.Join(',', r.Gcm.Order())}:{string.Join('\u001f', r.Themes.Order().Select(x => $"{x}={themeNames[x]}"))}\u001e{r.OutputTitle}\u001e{r.Text}")));
        var scopes = rounds.ToDictionary(r => r.Id, round =>
        {
            var scopeKey = $"asked:{processId}:{round.Id}:{round.OutputId}|{content}|{string.Join(',', membersOn[round.Id].Order(StringComparer.Ordinal))}";
            if (cache.Made<RoundScope>(scopeKey) is { } heldScope)
            {
                return heldScope;
            }
            var inScope = loaded.Where(r => round.OutputId is null || r.OutputId == round.OutputId)
                .Select(r => new EvaluatedRecommendation(r.Id, r.OutputId, r.OutputTitle, r.Number, r.Text,
                    RecommendationAddressees.StatesOf(
                        new Recommendation { OriginalLanguage = "", Text = "", ToAllMembers = r.ToAllMembers, States = r.States.Select(s => new RecommendationState { StateCode = s }).ToList() },
                        membersOn[round.Id]),
                    r.Themes.Select(x => (x, themeNames[x])).ToList(), r.Gcm.Order().ToList()))
                .ToList();
            var made = new RoundScope(inScope, inScope.SelectMany(r => r.AskedStates.Select(s => new Addressed(r.Id, s))).ToList());
            cache.Keep(scopeKey, made, inScope.Count + made.Asked.Count / 20);
            return made;
        });
        // Only the detailed round's pairs are read one by one (its heat map shows every one), and only while they are few
        // enough to draw; the other rounds, and a large detailed one, are counted by the database, which returns a few
        // hundred rows instead of one per pair and round.
        var whole = detailed is { } d && (wholeGrid || scopes[d].Asked.Count <= WholeGridPairs) ? detailed : null;
        var inForce = whole is { } one
            ? (await db.FollowUpReports.AsNoTracking().InForce(processId, one).ToListAsync(ct)).ToLookup(s => s.RoundKey)
            : Enumerable.Empty<StatusInForce>().ToLookup(s => s.RoundKey);
        var counted = rounds.Where(r => r.Id != whole).ToList();
        IReadOnlyDictionary<int, IReadOnlyList<Counted>> byRecommendation = new Dictionary<int, IReadOnlyList<Counted>>();
        var byState = byRecommendation;
        // A counted round's finished tallies are held under the same versions as its counts, with what else they are made
        // of (the round's member states, each recommendation's themes and objectives, the picked state): a view of a
        // round held tallies nothing again, and a round whose tallies are held is not counted either.
        var held = new Dictionary<int, RoundTallies>();
        var tallyKeys = new Dictionary<int, string>();
        if (counted.Count > 0)
        {
            var steady = counted.Select(r => membersOn[r.Id]).Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal);
            // The picked state is counted pair by pair, which gives its row of the grid at no extra query.
            if (whole is null && pickedState is not null)
            {
                steady.Remove(pickedState);
            }
            var ids = loaded.Select(r => r.Id).ToList();
            // A round's counts are held between views under its reports' version (a closed round's changes only by a
            // review); the rounds not held are counted together, as all of them were before.
            var digest = FollowUpCountCache.Digest(loaded.Select(r => (r.Id, r.OutputId, r.ToAllMembers, r.States.AsEnumerable())), steady);
            var links = FollowUpCountCache.Digest(loaded.OrderBy(r => r.Id).Select(r =>
                string.Create(CultureInfo.InvariantCulture, $"{r.Id}:{string.Join(',', r.Themes.Order())}:{string.Join(',', r.Gcm.Order())}")));
            foreach (var r in counted)
            {
                var members = string.Join(',', membersOn[r.Id].Order(StringComparer.Ordinal));
                tallyKeys[r.Id] = FollowUpCountCache.KeyOf($"tallies:{processId}:{r.Id}:{r.OutputId}:{(r.Id == detailed ? pickedState : null)}", [r.ReportsVersion], $"{digest}|{links}|{members}");
                if (cache.Made<RoundTallies>(tallyKeys[r.Id]) is { } tallies)
                {
                    held[r.Id] = tallies;
                }
            }
            var toCount = counted.Where(r => !held.ContainsKey(r.Id)).ToList();
            Task<IReadOnlyDictionary<int, IReadOnlyList<Counted>>> CountAsync(CountedBy by) => cache.PerRoundAsync(
                toCount.ToDictionary(r => r.Id, r => FollowUpCountCache.KeyOf($"round:{processId}:{r.Id}:{r.OutputId}:{by}", [r.ReportsVersion], digest)),
                missing =>
                {
                    var roundIds = missing.ToList();
                    return db.FollowUpReports.AsNoTracking().InForceReports(processId, null).Where(r => roundIds.Contains(r.RoundKey))
                        .Counts(ids, steady, by, perRound: true, inRoundScope: true).ToListAsync(ct);
                });
            if (toCount.Count > 0)
            {
                byRecommendation = await CountAsync(CountedBy.Recommendation);
                byState = await CountAsync(CountedBy.State);
            }
        }

        var figures = new Dictionary<int, RoundFigures>();
        foreach (var round in rounds)
        {
            var (inScope, asked) = scopes[round.Id];
            var tallies = held.GetValueOrDefault(round.Id);
            if (tallies is null)
            {
                tallies = Tallied(inScope, asked, byRecommendation.GetValueOrDefault(round.Id) ?? [], byState.GetValueOrDefault(round.Id) ?? [],
                    round.Id == whole ? FollowUpProgress.LatestAcrossRounds(inForce[round.Id]) : null, round.Id == detailed ? pickedState : null);
                if (tallyKeys.TryGetValue(round.Id, out var key))
                {
                    cache.Keep(key, tallies, tallies.Rows);
                }
            }
            figures[round.Id] = new RoundFigures
            {
                Round = round,
                Recommendations = inScope,
                Asked = asked,
                HeldUnder = tallyKeys.TryGetValue(round.Id, out var heldUnder) ? $"{heldUnder}|{content}" : null,
                Statuses = tallies.Statuses,
                Picked = tallies.Picked,
                StateDetails = stateDetails,
                Overall = tallies.Overall,
                ByRecommendation = tallies.ByRecommendation,
                ByState = tallies.ByState,
                ValidatedByState = tallies.ValidatedByState,
                ByTheme = tallies.ByTheme,
                ByGcmObjective = tallies.ByGcmObjective,
            };
        }
        return figures;
    }

    /// <summary>The recommendations a round covers, each with the states it asks, and those pairs: made once per
    /// recommendations' content and round membership, and held under them.</summary>
    private sealed record RoundScope(IReadOnlyList<EvaluatedRecommendation> Recommendations, IReadOnlyList<Addressed> Asked);

    /// <summary>A round's tallies, made once from the counts (or from each pair's status in a round read whole) and
    /// held with them while they hold.</summary>
    private sealed record RoundTallies(IReadOnlyDictionary<Addressed, StatusInForce>? Statuses, IReadOnlyDictionary<Addressed, ImplementationStatus> Picked,
        Tally Overall, IReadOnlyDictionary<int, Tally> ByRecommendation, IReadOnlyDictionary<string, Tally> ByState, IReadOnlyDictionary<string, Tally> ValidatedByState,
        IReadOnlyDictionary<int, Tally> ByTheme, IReadOnlyDictionary<int, Tally> ByGcmObjective)
    {
        /// <summary>About how many rows of counts these weigh in the cache.</summary>
        public int Rows => ByRecommendation.Count + ByState.Count + ValidatedByState.Count + ByTheme.Count + ByGcmObjective.Count + Picked.Count;
    }

    /// <param name="statuses">Each pair's report in force, in a round read whole; null in a counted round.</param>
    /// <param name="pickedState">In the detailed round, the state whose row of the grid is shown.</param>
    private static RoundTallies Tallied(IReadOnlyList<EvaluatedRecommendation> inScope, IReadOnlyList<Addressed> asked,
        IReadOnlyList<Counted> recommendationCounts, IReadOnlyList<Counted> stateCounts, Dictionary<Addressed, StatusInForce>? statuses, string? pickedState)
    {
        var byId = inScope.ToDictionary(r => r.Id);
        // The picked state's row, only where the round asks it (a recommendation the reader may not read never shows).
        var askedSet = pickedState is not null && statuses is null ? asked.Where(p => p.StateCode == pickedState).ToHashSet() : [];
        var picked = stateCounts.Where(c => c.StateCode == pickedState && askedSet.Contains(new Addressed(c.RecommendationId, c.StateCode)))
            .DistinctBy(c => (c.RecommendationId, c.StateCode)).ToDictionary(c => new Addressed(c.RecommendationId, c.StateCode), c => c.Status);
        var validated = statuses?.Where(s => s.Value.Review == ReviewState.Validated).ToDictionary(s => s.Key, s => s.Value);
        // The same tallies from each pair's status (the detailed round) or from the database's counts (the others).
        Dictionary<TKey, Tally> By<TKey>(Func<Addressed, IEnumerable<TKey>> keysOf, CountedBy by, bool validatedOnly = false) where TKey : notnull =>
            statuses is not null
                ? FollowUpProgress.TallyBy(asked, validatedOnly ? validated! : statuses, keysOf)
                : FollowUpProgress.TallyCounted(asked, (by == CountedBy.State ? stateCounts : recommendationCounts).Where(c => !validatedOnly || c.Validated), keysOf);
        return new RoundTallies(statuses, picked,
            statuses is not null ? FollowUpProgress.Overall(asked, statuses) : FollowUpProgress.OverallCounted(asked, recommendationCounts),
            By<int>(p => [p.RecommendationId], CountedBy.Recommendation),
            By<string>(p => [p.StateCode], CountedBy.State),
            By<string>(p => [p.StateCode], CountedBy.State, validatedOnly: true),
            By(p => byId[p.RecommendationId].Themes.Select(x => x.Id), CountedBy.Recommendation),
            By(p => byId[p.RecommendationId].GcmObjectives, CountedBy.Recommendation));
    }
}
