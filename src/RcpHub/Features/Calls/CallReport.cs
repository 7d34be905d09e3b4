using RcpHub.Domain;

namespace RcpHub.Features.Calls;

/// <summary>How a set of scores spreads, with no one's own scores: how many, the least, the median, the most, the mean.</summary>
public sealed record ScoreSpread(string Label, int Count, decimal? Least, decimal? Median, decimal? Most, decimal? Mean)
{
    public static ScoreSpread Of(string label, IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return new ScoreSpread(label, 0, null, null, null, null);
        }
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new ScoreSpread(label, sorted.Count, sorted[0], Math.Round(median, 2), sorted[^1], Math.Round(sorted.Average(), 2));
    }
}

/// <summary>How far the selection meets a target.</summary>
public sealed record TargetBalance(TargetJson Target, int Selected, bool Met);

/// <summary>A departure from the proposal: the application (by pseudonym), whether the panel added or removed it, why.</summary>
public sealed record DepartureJson(string Key, bool Added, string Reason);

/// <summary>One step of the selection, as the public trail shows it.</summary>
public sealed record StepJson(DateTimeOffset At, string Step, string? Detail);

/// <summary>The published selection report (issue 11, item 5). Before publication only the call's terms and counts.</summary>
public sealed record SelectionReport(int CallId, string Title, string Method, int Places, IReadOnlyList<CriterionJson> Criteria, IReadOnlyList<TargetJson> Targets,
    int Applications, bool Published, IReadOnlyList<ScoreSpread> Scores, IReadOnlyList<TargetBalance> Balance, IReadOnlyList<string> SelectedOrganizations,
    IReadOnlyList<DepartureJson> Departures, ProposalJson? Proposal, string? SeedCommitment, string? Seed, DateTimeOffset? AppealUntil, IReadOnlyList<StepJson> Trail)
{
    public static SelectionReport Of(ParticipationCall call, IReadOnlyList<CallApplication> applications)
    {
        var published = call.ReportPublishedAt is not null;
        var criteria = call.Criteria.OrderBy(c => c.Position).ToList();
        List<ScoreSpread> scores = published
            ? [.. criteria.Select(c => ScoreSpread.Of(c.Name, applications.SelectMany(a => a.Scores).Where(s => s.CriterionId == c.Id).Select(s => (decimal)s.Value))),
               ScoreSpread.Of("weighted", applications.Select(a => CallScoring.WeightedScore(call.Criteria, a.Scores)).OfType<decimal>())]
            : [];
        var chosen = applications.Where(a => a.Outcome == ApplicationOutcome.Selected).ToList();
        List<TargetBalance> balance = published
            ? call.Targets.OrderBy(x => x.Id).Select(x =>
            {
                var count = chosen.Count(a => CallTraits.Of(a, call.Regions).TryGetValue(x.Trait, out var v) && v == x.Value);
                return new TargetBalance(CallSelection.Json(x), count, (x.Min is null || count >= x.Min) && (x.Max is null || count <= x.Max));
            }).ToList()
            : [];
        var trail = new List<StepJson>();
        if (call.PublishedAt is { } p)
        {
            trail.Add(new StepJson(p, "published", null));
        }
        trail.AddRange(call.Changes.OrderBy(c => c.ChangedAt).Select(c => new StepJson(c.ChangedAt, "changed", c.Reason)));
        trail.Add(new StepJson(call.Deadline, "deadline", null));
        if (call.ProposedAt is { } proposed)
        {
            trail.Add(new StepJson(proposed, call.SeedCommitment is null ? "proposed" : "chancesPublished", call.SeedCommitment));
        }
        if (call.DrawnAt is { } drawn)
        {
            trail.Add(new StepJson(drawn, "drawn", call.Seed));
        }
        if (call.DecidedAt is { } decided)
        {
            trail.Add(new StepJson(decided, "decided", null));
        }
        if (call.ReportPublishedAt is { } report)
        {
            trail.Add(new StepJson(report, "reportPublished", null));
        }
        return new SelectionReport(call.Id, call.Title, call.Method.ToString(), call.Places,
            [.. criteria.Select(c => new CriterionJson(c.Name, c.Weight))], [.. call.Targets.OrderBy(x => x.Id).Select(CallSelection.Json)],
            applications.Count, published, scores, balance,
            published ? [.. chosen.Select(a => a.Organization!.Name).Order(StringComparer.CurrentCulture)] : [],
            published ? [.. applications.Where(a => a.DepartureReason is not null).Select(a => new DepartureJson(a.Pseudonym, a.Outcome == ApplicationOutcome.Selected, a.DepartureReason!))] : [],
            ProposalJson.Read(call.Proposal), call.SeedCommitment, call.DrawnAt is null ? null : call.Seed,
            call.ReportPublishedAt?.AddDays(call.AppealDays), [.. trail.OrderBy(s => s.At)]);
    }
}
