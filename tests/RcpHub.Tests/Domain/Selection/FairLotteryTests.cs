using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Google.OrTools.LinearSolver;
using RcpHub.Domain.Selection;
using static RcpHub.Tests.Domain.Selection.SmallProblems;

namespace RcpHub.Tests.Domain.Selection;

public sealed class FairLotteryTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_smallest_chance_is_the_largest_any_distribution_over_all_selections_can_give(int seed)
    {
        var problem = Random(seed, maxCandidates: 10);
        var panels = Feasible(problem, problem.Targets);
        if (panels.Count == 0)
        {
            Assert.IsType<LotteryResult.Infeasible>(FairLottery.Distribute(problem));
            return;
        }

        var distribution = Assert.IsType<LotteryResult.Distribution>(FairLottery.Distribute(problem));

        Assert.Equal(MaximinOverEveryPanel(problem, panels), (double)distribution.MinimumChance, 6);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Probabilities_add_up_to_one_and_each_chance_is_the_sum_over_the_panels_holding_the_candidate(int seed)
    {
        var problem = Random(seed, maxCandidates: 10);
        if (FairLottery.Distribute(problem) is not LotteryResult.Distribution distribution)
        {
            return;
        }

        Assert.Equal(1m, distribution.Panels.Sum(p => p.Probability));
        Assert.All(distribution.Panels, p => Assert.True(p.Probability > 0));
        Assert.Equal(distribution.Panels.Count, distribution.Panels.Select(p => string.Join(",", p.Keys)).Distinct().Count());
        foreach (var panel in distribution.Panels)
        {
            var chosen = problem.Candidates.Where(c => panel.Keys.Contains(c.Key)).ToList();
            Assert.Equal(Size(problem), chosen.Count);
            Assert.All(problem.Targets, t => Assert.True(Holds(t, chosen), $"{t} is not met"));
        }
        Assert.Equal(problem.Candidates.Select(c => c.Key).Order(StringComparer.Ordinal), distribution.Chances.Select(c => c.Key));
        Assert.All(distribution.Chances, c =>
            Assert.Equal(distribution.Panels.Where(p => p.Keys.Contains(c.Key)).Sum(p => p.Probability), c.Chance));
        Assert.Equal(Size(problem), distribution.Chances.Sum(c => c.Chance));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Candidates_no_selection_can_hold_are_listed_with_no_chance(int seed)
    {
        var problem = Random(seed, maxCandidates: 10);
        var panels = Feasible(problem, problem.Targets);
        if (FairLottery.Distribute(problem) is not LotteryResult.Distribution distribution)
        {
            return;
        }
        var never = problem.Candidates.Where(c => !panels.Any(p => p.Contains(c))).Select(c => c.Key).Order(StringComparer.Ordinal);

        Assert.Equal(never, distribution.NeverSelectable);
        Assert.All(distribution.NeverSelectable, key => Assert.Equal(0m, distribution.Chances.Single(c => c.Key == key).Chance));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_same_call_listed_in_any_order_gets_the_same_distribution(int seed)
    {
        var problem = Random(seed, maxCandidates: 10);

        Assert.Equal(Describe(FairLottery.Distribute(problem)), Describe(FairLottery.Distribute(Shuffled(problem, seed))));
    }

    [Fact]
    public void A_single_place_reserved_for_the_one_woman_leaves_the_men_an_equal_third_each()
    {
        var problem = new SelectionProblem(2,
        [
            Candidate("a", 0, ("gender", "male")),
            Candidate("b", 0, ("gender", "male")),
            Candidate("c", 0, ("gender", "female")),
            Candidate("d", 0, ("gender", "male")),
        ],
        [new BalanceTarget("gender", "female", 1, 1)]);

        var distribution = Assert.IsType<LotteryResult.Distribution>(FairLottery.Distribute(problem));

        Assert.Equal(1m, distribution.Chances.Single(c => c.Key == "c").Chance);
        Assert.All(distribution.Chances.Where(c => c.Key != "c"), c => Assert.Equal(1 / 3.0, (double)c.Chance, 8));
        Assert.Equal(1 / 3.0, (double)distribution.MinimumChance, 8);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Applications_the_same_targets_count_get_the_same_chance(int seed)
    {
        var problem = Random(seed, maxCandidates: 10);
        if (FairLottery.Distribute(problem) is not LotteryResult.Distribution distribution)
        {
            return;
        }
        var chance = distribution.Chances.ToDictionary(c => c.Key, c => c.Chance);

        var kinds = problem.Candidates.GroupBy(c => string.Join(",", problem.Targets.Select(t => c.Traits.TryGetValue(t.Trait, out var v) && v == t.Value)));

        // Only the rounding of each panel's probability to 10⁻⁹ may separate them.
        Assert.All(kinds, kind => Assert.InRange(kind.Max(c => chance[c.Key]) - kind.Min(c => chance[c.Key]), 0m, distribution.Panels.Count * 1e-9m));
    }

    [Fact]
    public void Kinds_taken_in_turns_of_different_lengths_give_each_member_its_exact_share()
    {
        // One woman and one man among three women and two men: the women take turns of three, the men of two.
        var problem = new SelectionProblem(2,
        [
            Candidate("a", 0, ("gender", "female")),
            Candidate("b", 0, ("gender", "female")),
            Candidate("c", 0, ("gender", "female")),
            Candidate("d", 0, ("gender", "male")),
            Candidate("e", 0, ("gender", "male")),
        ],
        [new BalanceTarget("gender", "female", 1, 1)]);

        var distribution = Assert.IsType<LotteryResult.Distribution>(FairLottery.Distribute(problem));

        Assert.All(distribution.Chances.Where(c => c.Key is "a" or "b" or "c"), c => Assert.Equal(1 / 3.0, (double)c.Chance, 8));
        Assert.All(distribution.Chances.Where(c => c.Key is "d" or "e"), c => Assert.Equal(0.5, (double)c.Chance, 8));
        Assert.Equal(["a,d", "b,d", "b,e", "c,e"], distribution.Panels.Select(p => string.Join(",", p.Keys)));
    }

    [Fact]
    public void Targets_no_selection_can_meet_are_named_before_any_draw()
    {
        var problem = new SelectionProblem(2,
            [Candidate("a", 0, ("gender", "male")), Candidate("b", 0, ("gender", "male")), Candidate("c", 0, ("gender", "female"))],
            [new BalanceTarget("gender", "female", 2, null)]);

        var infeasible = Assert.IsType<LotteryResult.Infeasible>(FairLottery.Distribute(problem));

        Assert.Equal(problem.Targets, infeasible.Conflicting);
        Assert.Throws<InvalidOperationException>(() => FairLottery.Draw(infeasible, "seed"));
    }

    [Fact]
    public void The_commitment_is_the_hex_SHA_256_of_the_seed()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FairLottery.Commit("abc"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Anyone_with_the_revealed_seed_can_check_the_commitment_and_redraw_the_same_selection(int seed)
    {
        var problem = Random(seed, maxCandidates: 10);
        if (FairLottery.Distribute(problem) is not LotteryResult.Distribution distribution)
        {
            return;
        }
        var revealed = $"revealed-seed-{seed}";
        var commitment = FairLottery.Commit(revealed);

        var drawn = FairLottery.Draw(distribution, revealed);

        // What an auditor does by hand: check the seed against the commitment, hash it with the published prefix, take
        // the number modulo 10⁹ and walk the published panels.
        Assert.Equal(commitment, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(revealed))));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("RcpHub fair lottery draw\n" + revealed));
        var number = (long)(new BigInteger(hash, isUnsigned: true, isBigEndian: true) % 1_000_000_000);
        var running = 0m;
        var expected = distribution.Panels.First(p => (running += p.Probability * 1_000_000_000) > number);
        Assert.Equal(expected.Keys, drawn);
        Assert.Equal(drawn, FairLottery.Draw(FairLottery.Distribute(Shuffled(problem, seed)), revealed));
    }

    [Fact]
    public void Different_seeds_draw_the_panels_about_as_often_as_their_probabilities_say()
    {
        var problem = new SelectionProblem(1, [Candidate("a", 0), Candidate("b", 0), Candidate("c", 0), Candidate("d", 0)], []);
        var distribution = Assert.IsType<LotteryResult.Distribution>(FairLottery.Distribute(problem));

        var counts = Enumerable.Range(0, 4000).Select(s => FairLottery.Draw(distribution, $"seed {s}").Single())
            .CountBy(k => k).ToDictionary();

        Assert.All(distribution.Chances, c => Assert.Equal(0.25m, c.Chance));
        Assert.All(counts.Values, count => Assert.InRange(count, 850, 1150));
    }

    /// <summary>The maximin LP with every feasible selection as a column, solved directly.</summary>
    private static double MaximinOverEveryPanel(SelectionProblem problem, List<SelectionCandidate[]> panels)
    {
        var eligible = problem.Candidates.Where(c => panels.Any(p => p.Contains(c))).ToList();
        if (eligible.Count == 0)
        {
            return 0;
        }
        using var lp = Solver.CreateSolver("GLOP");
        var z = lp.MakeNumVar(0, 1, "z");
        var p = panels.Select((_, i) => lp.MakeNumVar(0, 1, $"p{i}")).ToArray();
        var sum = lp.MakeConstraint(1, 1);
        foreach (var column in p)
        {
            sum.SetCoefficient(column, 1);
        }
        foreach (var candidate in eligible)
        {
            var row = lp.MakeConstraint(0, double.PositiveInfinity);
            row.SetCoefficient(z, -1);
            for (var i = 0; i < panels.Count; i++)
            {
                if (panels[i].Contains(candidate))
                {
                    row.SetCoefficient(p[i], 1);
                }
            }
        }
        lp.Objective().SetCoefficient(z, 1);
        lp.Objective().SetMaximization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, lp.Solve());
        return z.SolutionValue();
    }

    private static string Describe(LotteryResult result) => result switch
    {
        LotteryResult.Distribution d => string.Join(";", d.Panels.Select(p => $"{string.Join(",", p.Keys)}={p.Probability}")),
        LotteryResult.Infeasible i => i.Explanation,
        _ => "",
    };
}
