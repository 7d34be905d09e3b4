using System.Security.Claims;
using RcpHub.Data;
using RcpHub.Features.FollowUp;
using RcpHub.Features.Meetings;

namespace RcpHub.Features.Evaluation;

/// <summary>The evaluation report of a round as the signed-in reader may see it: the recommendations of outputs they
/// may not read never count (<see cref="Domain.OutputAccess"/>).</summary>
public sealed class EvaluationReports(AppDbContext db, FollowUpCountCache cache, MeetingReaders readers, EvaluationRounds rounds, TimeProvider clock)
{
    private DateTimeOffset? _now;

    /// <summary>One instant for the whole request, taken when first needed (after a round this request opened).</summary>
    public DateTimeOffset Now => _now ??= clock.GetUtcNow();

    /// <param name="wholeGrid">Every pair of the round, however many (the CSV and XLSX files hold the whole grid).</param>
    /// <param name="pick">The state whose row of a large round's grid is shown (<see cref="EvaluationReport.PickOf"/>).</param>
    public async Task<EvaluationReport?> LoadAsync(ClaimsPrincipal user, int processId, int roundId, CancellationToken ct, bool wholeGrid = false, string? pick = null) =>
        await EvaluationReport.LoadAsync(db, cache, await readers.CurrentAsync(user), processId, roundId, Now, rounds, ct, wholeGrid, pick);

    /// <summary>Every round of the process with its figures, latest first.</summary>
    public async Task<(IReadOnlyList<RoundRow> Rounds, IReadOnlyDictionary<int, RoundFigures> Figures)> RoundsAsync(ClaimsPrincipal user, int processId, CancellationToken ct)
    {
        var list = await rounds.ListAsync(processId, ct);
        return (list, await EvaluationFigures.LoadAsync(db, cache, await readers.CurrentAsync(user), processId, list, Now, ct));
    }
}
