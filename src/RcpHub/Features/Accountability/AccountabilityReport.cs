using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Accountability;

/// <summary>How far a set of (recommendation, state) pairs is implemented, as <see cref="FollowUpProgress"/> tallies it.</summary>
public sealed record TallyFigures(int Asked, int Reported, int NotReported, int NotStarted, int Planned, int InProgress, int Implemented, int NotApplicable, double? ShareImplemented)
{
    public static TallyFigures Of(Tally? tally) => tally is null
        ? new(0, 0, 0, 0, 0, 0, 0, 0, null)
        : new(tally.Asked, tally.Reported, tally.NotReported, tally.Count(ImplementationStatus.NotStarted), tally.Count(ImplementationStatus.Planned),
            tally.Count(ImplementationStatus.InProgress), tally.Count(ImplementationStatus.Implemented), tally.Count(ImplementationStatus.NotApplicable),
            tally.ShareImplemented is { } share ? Math.Round(share, 4) : null);
}

public sealed record AccountableRecommendation(int Id, int Number, string Text, TallyFigures Progress);

public sealed record AccountableOutput(int Id, string Title, OutputKind Kind, DateOnly AdoptedOn, IReadOnlyList<AccountableRecommendation> Recommendations);

/// <summary>A state's report in force on a recommendation, for those who may read the follow-up state by state.</summary>
public sealed record StateProgress(string StateCode, string StateName, ImplementationStatus? Status, DateOnly? On);

/// <summary>The public accountability of a process: its adopted public outputs, what each recommends and how far the
/// states it asks to act have implemented it, in aggregate. Only outputs everyone may read count
/// (<see cref="OutputAccess"/> for an anonymous reader), whoever reads: a members-only output, its recommendations and
/// the reports on them never appear nor count here. Tallies come from <see cref="FollowUpProgress"/> only, over the pairs
/// <see cref="RecommendationAddressees"/> names and each state's latest report across rounds.</summary>
public sealed record AccountabilityReport(IReadOnlyList<AccountableOutput> Outputs, TallyFigures Overall)
{
    public static async Task<(AccountabilityReport Report, IReadOnlyDictionary<int, IReadOnlyList<StateProgress>>? Detail)> LoadAsync(
        AppDbContext db, int processId, DateOnly today, bool stateByState, CancellationToken ct)
    {
        var outputs = await db.Outputs.AsNoTracking()
            .Where(OutputAccess.VisibleTo(MeetingReader.Anonymous))
            .Where(o => o.ProcessId == processId && o.AdoptedOn != null)
            .OrderBy(o => o.AdoptedOn).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Title, o.Kind, AdoptedOn = o.AdoptedOn!.Value })
            .ToListAsync(ct);
        var outputIds = outputs.Select(o => o.Id).ToList();
        var recommendations = await db.Recommendations.AsNoTracking().Include(r => r.States)
            .Where(r => outputIds.Contains(r.OutputId))
            .OrderBy(r => r.Number)
            .ToListAsync(ct);
        var memberStates = (await db.Memberships.MemberStatesOf(processId, today).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var addressees = recommendations.ToDictionary(r => r.Id, r => RecommendationAddressees.StatesOf(r, memberStates));
        var asked = addressees.SelectMany(a => a.Value.Select(s => new Addressed(a.Key, s))).ToList();
        var recommendationIds = recommendations.Select(r => r.Id).ToList();
        // Each pair's status only for those who read state by state; the public's figures are counted by the database.
        var statuses = stateByState
            ? FollowUpProgress.LatestAcrossRounds(await db.FollowUpReports.AsNoTracking()
                .Where(r => recommendationIds.Contains(r.RecommendationId))
                .InForce(processId, null)
                .ToListAsync(ct))
            : null;
        var counts = statuses is null
            ? await db.FollowUpReports.AsNoTracking().LatestAcrossRoundsReports(processId)
                .Counts(recommendationIds, memberStates, CountedBy.Recommendation, perRound: false, inRoundScope: false).ToListAsync(ct)
            : null;
        var tallies = counts is null
            ? FollowUpProgress.TallyBy<int>(asked, statuses!, p => [p.RecommendationId])
            : FollowUpProgress.TallyCounted<int>(asked, counts, p => [p.RecommendationId]);
        var report = new AccountabilityReport(
            outputs.Select(o => new AccountableOutput(o.Id, o.Title, o.Kind, o.AdoptedOn,
                recommendations.Where(r => r.OutputId == o.Id)
                    .Select(r => new AccountableRecommendation(r.Id, r.Number, r.Text, TallyFigures.Of(tallies.GetValueOrDefault(r.Id))))
                    .ToList()))
                .ToList(),
            TallyFigures.Of(counts is null ? FollowUpProgress.Overall(asked, statuses!) : FollowUpProgress.OverallCounted(asked, counts)));
        if (statuses is null)
        {
            return (report, null);
        }
        var codes = asked.Select(p => p.StateCode).Distinct().ToList();
        var names = await db.States.NamesAsync(codes, ct);
        var detail = addressees.ToDictionary(a => a.Key, a => (IReadOnlyList<StateProgress>)a.Value
            .Select(s => statuses.TryGetValue(new Addressed(a.Key, s), out var r)
                ? new StateProgress(s, names.GetValueOrDefault(s, s), r.Status, r.On)
                : new StateProgress(s, names.GetValueOrDefault(s, s), null, null))
            .OrderBy(p => p.StateName, StringComparer.CurrentCulture)
            .ToList());
        return (report, detail);
    }

    /// <summary>The same figures as rows for a spreadsheet: one per recommendation.</summary>
    public IEnumerable<IReadOnlyList<object?>> Rows()
    {
        yield return ["Output", "Adopted on", "Recommendation", "Text", "Asked", "Reported", "Not reported", "Not started", "Planned", "In progress", "Implemented", "Not applicable", "Share implemented"];
        foreach (var o in Outputs)
        {
            foreach (var r in o.Recommendations)
            {
                var p = r.Progress;
                yield return [o.Title, o.AdoptedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Number, r.Text,
                    p.Asked, p.Reported, p.NotReported, p.NotStarted, p.Planned, p.InProgress, p.Implemented, p.NotApplicable, p.ShareImplemented];
            }
        }
    }
}
