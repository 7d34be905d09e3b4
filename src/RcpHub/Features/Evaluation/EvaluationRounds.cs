using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Evaluation;

/// <summary>An evaluation round as its pages and the API show it.</summary>
public sealed record RoundRow(int Id, string Title, int? OutputId, string? OutputTitle, DateTimeOffset OpensAt, DateTimeOffset DeadlineAt, DateTimeOffset? ClosedAt)
{
    /// <summary><see cref="EvaluationRound.ReportsVersion"/>: the round's counts held in memory are valid while it is unchanged.</summary>
    public Guid ReportsVersion { get; init; }

    public bool IsClosedAt(DateTimeOffset now) => EvaluationRound.IsClosed(ClosedAt, DeadlineAt, now);

    public bool HasOpenedAt(DateTimeOffset now) => OpensAt <= now;

    /// <summary>When it closed (or will close by itself).</summary>
    public DateTimeOffset ClosesAt => ClosedAt is { } closed && closed < DeadlineAt ? closed : DeadlineAt;

    /// <summary>The day whose membership decides which states a round asks: its closing day, or today while it runs.</summary>
    public DateOnly MembershipDay(DateTimeOffset now) => DateOnly.FromDateTime((ClosesAt < now ? ClosesAt : now).UtcDateTime);

    public string StateName(DateTimeOffset now) => IsClosedAt(now) ? "closed" : HasOpenedAt(now) ? "open" : "scheduled";
}

/// <summary>What the secretariat gives to open a round. Times are instants; the page reads them on the reader's clock.</summary>
public sealed class OpenRoundInput
{
    public string? Title { get; set; }

    /// <summary>One adopted output of the process; none for all its adopted outputs.</summary>
    public int? OutputId { get; set; }

    /// <summary>Now when not given.</summary>
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? DeadlineAt { get; set; }
}

/// <summary>Opening, listing and closing evaluation rounds. A round closes by itself at its deadline
/// (<see cref="CloseDueAsync"/>, run by <see cref="EvaluationClock"/> on every instance) or earlier by hand.</summary>
public sealed class EvaluationRounds(AppDbContext db, TimeProvider clock, IStringLocalizer<EvaluationText> t)
{
    public async Task<IReadOnlyList<RoundRow>> ListAsync(int processId, CancellationToken ct) =>
        await db.EvaluationRounds.AsNoTracking().Where(r => r.ProcessId == processId)
            .OrderByDescending(r => r.OpensAt).ThenByDescending(r => r.Id)
            .Select(r => new RoundRow(r.Id, r.Title, r.OutputId, r.Output != null ? r.Output.Title : null, r.OpensAt, r.DeadlineAt, r.ClosedAt) { ReportsVersion = r.ReportsVersion })
            .ToListAsync(ct);

    /// <summary>The adopted outputs a round may be opened on.</summary>
    public async Task<IReadOnlyList<(int Id, string Title)>> AdoptedOutputsAsync(int processId, CancellationToken ct) =>
        (await db.Outputs.AsNoTracking().Where(o => o.ProcessId == processId && o.AdoptedOn != null)
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Title }).ToListAsync(ct))
            .Select(o => (o.Id, o.Title)).ToList();

    public async Task<Outcome> OpenAsync(int processId, string userId, OpenRoundInput input, FieldErrors errors, CancellationToken ct)
    {
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add(nameof(OpenRoundInput.Title), t["Give the round a title."]);
        }
        else if (title.Length > FollowUpLimits.RoundTitle)
        {
            errors.Add(nameof(OpenRoundInput.Title), t["The title is too long (at most {0} characters).", FollowUpLimits.RoundTitle]);
        }
        if (input.OutputId is { } outputId
            && !await db.Outputs.AnyAsync(o => o.Id == outputId && o.ProcessId == processId && o.AdoptedOn != null, ct))
        {
            errors.Add(nameof(OpenRoundInput.OutputId), t["Choose an adopted output of this process, or all of them."]);
        }
        var now = clock.GetUtcNow();
        var opens = input.OpensAt ?? now;
        if (input.DeadlineAt is not { } deadline)
        {
            if (!errors.ByField.ContainsKey(nameof(OpenRoundInput.DeadlineAt)))
            {
                errors.Add(nameof(OpenRoundInput.DeadlineAt), t["Give the deadline."]);
            }
        }
        else if (deadline <= opens)
        {
            errors.Add(nameof(OpenRoundInput.DeadlineAt), t["The deadline must come after the round opens."]);
        }
        else if (deadline <= now)
        {
            errors.Add(nameof(OpenRoundInput.DeadlineAt), t["The deadline must be in the future."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var round = new EvaluationRound
        {
            ProcessId = processId,
            Title = title!,
            OutputId = input.OutputId,
            OpensAt = opens.ToUniversalTime(),
            DeadlineAt = input.DeadlineAt!.Value.ToUniversalTime(),
            OpenedByUserId = userId,
            CreatedAt = now,
        };
        db.EvaluationRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(round.Id);
    }

    /// <summary>Closes a round early, by hand (audited like every change). Closing a closed round changes nothing.</summary>
    public async Task<Outcome> CloseAsync(int processId, int roundId, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == roundId && r.ProcessId == processId, ct);
        if (round is null)
        {
            return Outcome.NotFound;
        }
        if (round.ClosedAt is null)
        {
            var now = clock.GetUtcNow();
            round.ClosedAt = round.DeadlineAt < now ? round.DeadlineAt : now;
            await db.SaveChangesAsync(ct);
        }
        return Outcome.Saved(round.Id);
    }

    /// <summary>Writes down the closing of every round whose deadline has passed. One conditional update: several
    /// instances may run it at once, and a round is closed once, at its deadline.</summary>
    public static Task<int> CloseDueAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct) =>
        db.EvaluationRounds.Where(r => r.ClosedAt == null && r.DeadlineAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, r => r.DeadlineAt), ct);
}
