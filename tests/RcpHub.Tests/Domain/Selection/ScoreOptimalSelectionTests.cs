using RcpHub.Domain.Selection;
using static RcpHub.Tests.Domain.Selection.SmallProblems;

namespace RcpHub.Tests.Domain.Selection;

public sealed class ScoreOptimalSelectionTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_proposal_has_the_highest_total_any_selection_meeting_the_targets_has(int seed)
    {
        var problem = Random(seed);
        var feasible = Feasible(problem, problem.Targets);
        var result = ScoreOptimalSelection.Propose(problem);

        if (feasible.Count == 0)
        {
            Assert.IsType<SelectionResult.Infeasible>(result);
            return;
        }
        var selected = Assert.IsType<SelectionResult.Selected>(result);
        var chosen = problem.Candidates.Where(c => selected.Keys.Contains(c.Key)).ToList();
        Assert.Equal(Size(problem), selected.Keys.Count);
        Assert.All(problem.Targets, t => Assert.True(Holds(t, chosen), $"{t} is not met"));
        Assert.Equal(feasible.Max(s => s.Sum(c => c.Score)), selected.TotalScore);
        Assert.Equal(chosen.Sum(c => c.Score), selected.TotalScore);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Equal_totals_go_to_the_selection_whose_keys_come_first(int seed)
    {
        var problem = Random(seed);
        var feasible = Feasible(problem, problem.Targets);
        if (feasible.Count == 0)
        {
            return;
        }
        var order = problem.Candidates.Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        int Positions(IEnumerable<string> keys) => keys.Sum(order.IndexOf);
        var best = feasible.Max(s => s.Sum(c => c.Score));
        var fewest = feasible.Where(s => s.Sum(c => c.Score) == best).Min(s => Positions(s.Select(c => c.Key)));

        var selected = Assert.IsType<SelectionResult.Selected>(ScoreOptimalSelection.Propose(problem));

        Assert.Equal(fewest, Positions(selected.Keys));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Each_target_costs_what_the_best_selection_without_it_would_have_gained(int seed)
    {
        var problem = Random(seed);
        if (ScoreOptimalSelection.Propose(problem) is not SelectionResult.Selected selected)
        {
            return;
        }
        Assert.Equal(problem.Targets, selected.Costs.Select(c => c.Target));
        foreach (var cost in selected.Costs)
        {
            var others = problem.Targets.Where(t => !ReferenceEquals(t, cost.Target));
            var bestWithout = Feasible(problem, others).Max(s => s.Sum(c => c.Score));
            Assert.Equal(bestWithout, cost.BestScoreWithout);
            Assert.True(selected.CostOf(cost) >= 0);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_order_in_which_applications_are_listed_changes_nothing(int seed)
    {
        var problem = Random(seed);
        var first = ScoreOptimalSelection.Propose(problem);
        var again = ScoreOptimalSelection.Propose(Shuffled(problem, seed));

        Assert.Equal(Describe(first), Describe(again));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Conflicting_targets_are_named_and_none_of_them_can_be_spared(int seed)
    {
        // Tighter targets than the other tests, so that many calls cannot be met.
        var problem = Random(seed);
        problem = problem with
        {
            Targets = [.. problem.Targets, new BalanceTarget("gender", "female", Size(problem) / 2 + 1, null), new BalanceTarget("region", "Asia", 2, null)],
        };
        if (ScoreOptimalSelection.Propose(problem) is not SelectionResult.Infeasible infeasible)
        {
            Assert.NotEmpty(Feasible(problem, problem.Targets));
            return;
        }
        Assert.Empty(Feasible(problem, problem.Targets));
        Assert.Empty(Feasible(problem, infeasible.Conflicting));
        Assert.All(infeasible.Conflicting, t =>
            Assert.NotEmpty(Feasible(problem, infeasible.Conflicting.Where(o => !ReferenceEquals(o, t)))));
        Assert.All(infeasible.Conflicting, t => Assert.Contains(t.ToString(), infeasible.Explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void A_route_split_and_a_gender_minimum_that_cannot_hold_together_are_explained()
    {
        var candidates = new[]
        {
            Candidate("a", 9, ("route", "network"), ("gender", "male")),
            Candidate("b", 8, ("route", "network"), ("gender", "male")),
            Candidate("c", 7, ("route", "open"), ("gender", "female")),
            Candidate("d", 6, ("route", "open"), ("gender", "female")),
            Candidate("e", 5, ("region", "Asia")),
        };
        var problem = new SelectionProblem(3, candidates,
        [
            new BalanceTarget("region", "Asia", null, 1),
            new BalanceTarget("route", "network", 2, 2),
            new BalanceTarget("gender", "female", 2, null),
        ]);

        var infeasible = Assert.IsType<SelectionResult.Infeasible>(ScoreOptimalSelection.Propose(problem));

        Assert.Equal([problem.Targets[1], problem.Targets[2]], infeasible.Conflicting);
        Assert.Contains("exactly 2 with route = network", infeasible.Explanation, StringComparison.Ordinal);
        Assert.Contains("at least 2 with gender = female (2 of the 5 applications", infeasible.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binding_target_shows_its_cost_and_a_loose_one_costs_nothing()
    {
        var candidates = new[]
        {
            Candidate("a", 9.5m, ("gender", "male")),
            Candidate("b", 9, ("gender", "male")),
            Candidate("c", 7.25m, ("gender", "female")),
            Candidate("d", 6, ("gender", "female")),
        };
        var problem = new SelectionProblem(2, candidates,
            [new BalanceTarget("gender", "female", 1, null), new BalanceTarget("gender", "male", null, 2)]);

        var selected = Assert.IsType<SelectionResult.Selected>(ScoreOptimalSelection.Propose(problem));

        Assert.Equal(["a", "c"], selected.Keys);
        Assert.Equal(16.75m, selected.TotalScore);
        Assert.Equal(1.75m, selected.CostOf(selected.Costs[0]));
        Assert.Equal(0m, selected.CostOf(selected.Costs[1]));
    }

    [Fact]
    public void More_places_than_applications_select_everyone_who_applied()
    {
        var problem = new SelectionProblem(10, [Candidate("b", 1), Candidate("a", 2)], []);

        var selected = Assert.IsType<SelectionResult.Selected>(ScoreOptimalSelection.Propose(problem));

        Assert.Equal(["a", "b"], selected.Keys);
    }

    [Fact]
    public void Two_applications_under_one_key_are_refused()
    {
        var problem = new SelectionProblem(1, [Candidate("a", 1), Candidate("a", 2)], []);

        Assert.Throws<ArgumentException>(() => ScoreOptimalSelection.Propose(problem));
    }

    private static string Describe(SelectionResult result) => result switch
    {
        SelectionResult.Selected s => $"{string.Join(",", s.Keys)} {s.TotalScore} {string.Join(",", s.Costs.Select(c => c.BestScoreWithout))}",
        SelectionResult.Infeasible i => i.Explanation,
        _ => "",
    };
}
