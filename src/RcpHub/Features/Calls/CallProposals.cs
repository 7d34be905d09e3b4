using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Domain.Selection;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Calls;

/// <summary>Runs the selection engine (Domain/Selection) on a call's pseudonymised inputs, exactly as anyone can from the
/// published download: the score-optimal proposal, or the fair lottery's chances with a committed seed, then the draw.</summary>
public sealed class CallProposals(AppDbContext db, CallDesk desk, TimeProvider clock, IStringLocalizer<CallsText> t)
{
    public static SelectionProblem Problem(SelectionInputs inputs) => new(inputs.Places,
        [.. inputs.Candidates.Select(c => new SelectionCandidate(c.Key, c.Score, c.Traits))],
        [.. inputs.Targets.Select(x => new BalanceTarget(x.Trait, x.Value, x.Min, x.Max))]);

    private static TargetJson Json(BalanceTarget target) => new(target.Trait, target.Value, target.Min, target.Max);

    public async Task<Outcome> ProposeAsync(int processId, int callId, CancellationToken ct)
    {
        var call = await db.ParticipationCalls.AsSplitQuery().Include(c => c.Criteria).Include(c => c.Targets).Include(c => c.Regions)
            .SingleOrDefaultAsync(c => c.Id == callId && c.ProcessId == processId && c.PublishedAt != null, ct);
        if (call is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        var previous = ProposalJson.Read(call.Proposal);
        var applications = await desk.ApplicationsAsync(callId, ct);
        var panel = (await desk.PanelAsync(callId, ct)).Select(p => p.UserId).ToList();
        if (call.Deadline > clock.GetUtcNow())
        {
            errors.Add("", t["The call takes applications until its deadline: propose after it."]);
        }
        else if (call.DecidedAt is not null || call.DrawnAt is not null || (previous is not null && !previous.IsInfeasible))
        {
            errors.Add("", t["The proposal is already made."]);
        }
        else if (applications.Count == 0)
        {
            errors.Add("", t["The call has no applications."]);
        }
        else if (panel.Count == 0 || applications.Any(a => !CallScoring.AllScored(panel, a) || CallScoring.WeightedScore(call.Criteria, a.Scores) is null))
        {
            errors.Add("", t["Every application needs the scores of every panel member without a conflict first."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var problem = Problem(CallSelection.Inputs(call, applications));
        if (call.Method == SelectionMethod.FairLottery)
        {
            var seed = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
            switch (FairLottery.Distribute(problem))
            {
                case LotteryResult.Distribution distribution:
                    call.Seed = seed;
                    call.SeedCommitment = FairLottery.Commit(seed);
                    call.Proposal = new ProposalJson(call.Method.ToString(), [], null, [], [], null,
                        distribution.Chances.ToDictionary(c => c.Key, c => c.Chance, StringComparer.Ordinal)).Write();
                    break;
                case LotteryResult.Infeasible infeasible:
                    call.Proposal = new ProposalJson(call.Method.ToString(), [], null, [], [.. infeasible.Conflicting.Select(Json)], infeasible.Explanation, null).Write();
                    break;
            }
        }
        else
        {
            call.Proposal = ScoreOptimalSelection.Propose(problem) switch
            {
                SelectionResult.Selected selected => new ProposalJson(call.Method.ToString(), selected.Keys, selected.TotalScore,
                    [.. selected.Costs.Select(c => new TargetCostJson(Json(c.Target), c.BestScoreWithout))], [], null, null).Write(),
                SelectionResult.Infeasible infeasible => new ProposalJson(call.Method.ToString(), [], null, [], [.. infeasible.Conflicting.Select(Json)], infeasible.Explanation, null).Write(),
                _ => throw new InvalidOperationException("The engine answered neither a selection nor a conflict."),
            };
        }
        call.ProposedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(callId);
    }

    /// <summary>Draws the lottery from the seed committed before, which is then revealed with the selection.</summary>
    public async Task<Outcome> DrawAsync(int processId, int callId, CancellationToken ct)
    {
        var call = await db.ParticipationCalls.AsSplitQuery().Include(c => c.Criteria).Include(c => c.Targets).Include(c => c.Regions)
            .SingleOrDefaultAsync(c => c.Id == callId && c.ProcessId == processId && c.PublishedAt != null, ct);
        if (call is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        var proposal = ProposalJson.Read(call.Proposal);
        if (call.Method != SelectionMethod.FairLottery || proposal?.Chances is null || call.Seed is null)
        {
            errors.Add("", t["There is no published lottery to draw."]);
        }
        else if (call.DrawnAt is not null)
        {
            errors.Add("", t["The lottery is already drawn."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var problem = Problem(CallSelection.Inputs(call, await desk.ApplicationsAsync(callId, ct)));
        if (FairLottery.Distribute(problem) is not LotteryResult.Distribution distribution)
        {
            errors.Add("", t["The lottery's inputs changed since its chances were published."]);
            return Outcome.Refused(errors);
        }
        call.Proposal = (proposal! with { Selected = [.. FairLottery.Draw(distribution, call.Seed!).Order(StringComparer.Ordinal)] }).Write();
        call.DrawnAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(callId);
    }
}
