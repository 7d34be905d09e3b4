using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

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
    public required IReadOnlyDictionary<Addressed, StatusInForce> Statuses { get; init; }
    public required Tally Overall { get; init; }
    public required IReadOnlyDictionary<int, Tally> ByRecommendation { get; init; }
    public required IReadOnlyDictionary<string, Tally> ByState { get; init; }

    /// <summary>Per state, the tally of the validated reports alone: its <see cref="Tally.Reported"/> is how many are validated.</summary>
    public required IReadOnlyDictionary<string, Tally> ValidatedByState { get; init; }
    public required IReadOnlyDictionary<int, Tally> ByTheme { get; init; }
    public required IReadOnlyDictionary<int, Tally> ByGcmObjective { get; init; }

    public IReadOnlyList<string> States => ByState.Keys.Order(StringComparer.Ordinal).ToList();

    public ImplementationStatus? StatusOf(int recommendationId, string state) =>
        Statuses.TryGetValue(new Addressed(recommendationId, state), out var s) ? s.Status : null;
}

/// <summary>Loads the figures of several rounds of one process at once (a handful of queries whatever the number of
/// rounds): the recommendations the reader may read (<see cref="OutputAccess"/>) of the adopted outputs each round
/// covers, the states each asks (<see cref="RecommendationAddressees"/>, with the membership of the round's closing
/// day), and the reports in force in each round (<see cref="FollowUpProgress.InForce"/>).</summary>
public static class EvaluationFigures
{
    /// <param name="reader">Null for the platform's own work (reminders): every recommendation counts.</param>
    public static async Task<IReadOnlyDictionary<int, RoundFigures>> LoadAsync(AppDbContext db, MeetingReader? reader, int processId,
        IReadOnlyList<RoundRow> rounds, DateTimeOffset now, CancellationToken ct)
    {
        if (rounds.Count == 0)
        {
            return new Dictionary<int, RoundFigures>();
        }
        var adopted = db.Outputs.AsNoTracking().Where(o => o.ProcessId == processId && o.AdoptedOn != null);
        var recommendations = reader is null ? adopted.SelectMany(o => o.Recommendations) : adopted.VisibleRecommendations(reader);
        var outputIds = rounds.Select(r => r.OutputId).ToList();
        var everyOutput = outputIds.Contains(null);
        var loaded = await recommendations
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
                States = r.States.Select(s => s.StateCode).ToList(),
                Themes = r.Themes.Select(x => new { x.ThemeId, x.Theme!.Name }).ToList(),
                Gcm = r.GcmObjectives.Select(g => g.Objective).ToList(),
            })
            .ToListAsync(ct);
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.ProcessId == processId && m.Role == MembershipRole.Member && m.StateCode != null)
            .ToListAsync(ct);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var inForce = (await db.FollowUpReports.AsNoTracking().Where(r => roundIds.Contains(r.RoundKey)).InForce(processId, null).ToListAsync(ct))
            .ToLookup(s => s.RoundKey);

        var figures = new Dictionary<int, RoundFigures>();
        foreach (var round in rounds)
        {
            var day = round.MembershipDay(now);
            var members = memberships.Where(m => m.IsCurrent(day)).Select(m => m.StateCode!).ToHashSet(StringComparer.Ordinal);
            var inScope = loaded.Where(r => round.OutputId is null || r.OutputId == round.OutputId)
                .Select(r => new EvaluatedRecommendation(r.Id, r.OutputId, r.OutputTitle, r.Number, r.Text,
                    RecommendationAddressees.StatesOf(
                        new Recommendation { OriginalLanguage = "", Text = "", ToAllMembers = r.ToAllMembers, States = r.States.Select(s => new RecommendationState { StateCode = s }).ToList() },
                        members),
                    r.Themes.Select(x => (x.ThemeId, x.Name)).ToList(), r.Gcm.Order().ToList()))
                .ToList();
            var asked = inScope.SelectMany(r => r.AskedStates.Select(s => new Addressed(r.Id, s))).ToList();
            var statuses = FollowUpProgress.LatestAcrossRounds(inForce[round.Id]);
            var validated = statuses.Where(s => s.Value.Review == ReviewState.Validated).ToDictionary(s => s.Key, s => s.Value);
            var byId = inScope.ToDictionary(r => r.Id);
            figures[round.Id] = new RoundFigures
            {
                Round = round,
                Recommendations = inScope,
                Asked = asked,
                Statuses = statuses,
                Overall = FollowUpProgress.Overall(asked, statuses),
                ByRecommendation = FollowUpProgress.TallyBy<int>(asked, statuses, p => [p.RecommendationId]),
                ByState = FollowUpProgress.TallyBy<string>(asked, statuses, p => [p.StateCode]),
                ValidatedByState = FollowUpProgress.TallyBy<string>(asked, validated, p => [p.StateCode]),
                ByTheme = FollowUpProgress.TallyBy(asked, statuses, p => byId[p.RecommendationId].Themes.Select(x => x.Id)),
                ByGcmObjective = FollowUpProgress.TallyBy(asked, statuses, p => byId[p.RecommendationId].GcmObjectives),
            };
        }
        return figures;
    }
}
