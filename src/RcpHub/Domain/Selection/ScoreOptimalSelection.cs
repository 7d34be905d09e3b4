namespace RcpHub.Domain.Selection;

/// <summary>The score-optimal method (docs/selection-methods.md): the selection with the highest total score that meets
/// every balance target, found exactly by an integer program (CP-SAT) over scores in whole hundredths.</summary>
public static class ScoreOptimalSelection
{
    /// <summary>Proposes the selection, or names a minimal set of targets that cannot hold together.
    /// Tie-break, published with the method: among selections with the same highest total score, the one whose
    /// candidates have the smallest sum of positions in ordinal key order (position 0 = first key); should two still
    /// tie, the solver's fixed single-worker search decides, the same on every run.</summary>
    public static SelectionResult Propose(SelectionProblem problem)
    {
        var model = new SelectionModel(problem);
        var n = model.Candidates.Count;
        // Tie weight: earlier keys weigh more; the score is multiplied past the largest possible tie total so that
        // no tie-break can outweigh one hundredth of a point.
        var tieWeights = Enumerable.Range(0, n).Select(i => (long)(n - 1 - i)).ToArray();
        var tieSpan = checked((long)n * Math.Max(1, model.Size) + 1);
        var weights = model.ScaledScores.Select((s, i) => checked(s * tieSpan + tieWeights[i])).ToArray();
        _ = checked(model.ScaledScores.Sum(Math.Abs) * tieSpan);
        var best = model.Solve(model.AllTargets, weights);
        if (best is null)
        {
            var (conflicting, explanation) = model.Conflict();
            return new SelectionResult.Infeasible(conflicting, explanation);
        }
        var total = model.ScaledTotal(best);
        var costs = new List<TargetCost>(model.Targets.Count);
        for (var t = 0; t < model.Targets.Count; t++)
        {
            var others = model.AllTargets.Where(o => o != t);
            // Dropping a target leaves the best selection feasible, so it is a valid starting point.
            var without = model.Solve(others, model.ScaledScores, best)
                ?? throw new InvalidOperationException("Dropping a target cannot make the selection infeasible.");
            costs.Add(new TargetCost(model.Targets[t], SelectionModel.Unscale(model.ScaledTotal(without))));
        }
        return new SelectionResult.Selected(
            [.. best.Select(i => model.Candidates[i].Key)],
            SelectionModel.Unscale(total),
            costs);
    }
}
