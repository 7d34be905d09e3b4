using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.FollowUp;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Evaluation;

/// <summary>The evaluation report of a round: its figures, those of the round before it (for the change), the overall
/// figures of every round up to it (for the trend), and the names of the states. The page, the PDF, the CSV and XLSX
/// files and the JSON are all made from one of these, so that they cannot disagree.</summary>
public sealed class EvaluationReport
{
    public required RoundFigures Current { get; init; }
    public required RoundFigures? Previous { get; init; }

    /// <summary>Every round of the process that opened before this one, and this one, oldest first.</summary>
    public required IReadOnlyList<RoundFigures> Trend { get; init; }
    public required IReadOnlyDictionary<string, State> States { get; init; }

    /// <summary>The state whose row of a large round's grid the reader asked for, as they gave it (trimmed, upper case).</summary>
    public string? Pick { get; init; }

    /// <summary>The picked state when the round asks it anything the reader may read; null otherwise.</summary>
    public string? PickedState => Pick is { } code && Current.ByState.ContainsKey(code) ? code : null;

    /// <summary>A state code as a reader typed or chose it: trimmed, upper case; empty as none.</summary>
    public static string? PickOf(string? state) => string.IsNullOrWhiteSpace(state) ? null : state.Trim().ToUpperInvariant();

    public string StateName(string code) => States.TryGetValue(code, out var s) ? s.Name(Cultures.Current) : code;

    public IReadOnlyList<(int Id, string Name)> Themes => Current.Recommendations.SelectMany(r => r.Themes).Distinct()
        .OrderBy(x => x.Name, StringComparer.CurrentCulture).ToList();

    public IReadOnlyList<int> GcmObjectives => Current.ByGcmObjective.Keys.Order().ToList();

    /// <summary>The statuses in the order reports read best: most accomplished first.</summary>
    public static readonly ImplementationStatus[] Statuses =
        [ImplementationStatus.Implemented, ImplementationStatus.InProgress, ImplementationStatus.Planned, ImplementationStatus.NotStarted, ImplementationStatus.NotApplicable];

    /// <param name="wholeGrid">Every pair of the round read one by one however many (the CSV and XLSX); otherwise only up to
    /// <see cref="EvaluationFigures.WholeGridPairs"/>, and above it the row of <paramref name="pick"/>.</param>
    public static async Task<EvaluationReport?> LoadAsync(AppDbContext db, FollowUpCountCache cache, MeetingReader reader, int processId, int roundId, DateTimeOffset now,
        EvaluationRounds rounds, CancellationToken ct, bool wholeGrid = false, string? pick = null)
    {
        var all = await rounds.ListAsync(processId, ct);
        if (all.FirstOrDefault(r => r.Id == roundId) is not { } current)
        {
            return null;
        }
        var trend = all.Where(r => r.OpensAt < current.OpensAt || (r.OpensAt == current.OpensAt && r.Id <= current.Id))
            .OrderBy(r => r.OpensAt).ThenBy(r => r.Id).ToList();
        var figures = await EvaluationFigures.LoadAsync(db, cache, reader, processId, trend, now, ct, detailed: roundId, wholeGrid, pick);
        var details = figures[roundId].StateDetails;
        var states = figures[roundId].ByState.Keys.Where(details.ContainsKey).ToDictionary(code => code, code => details[code], StringComparer.Ordinal);
        // A state named by a recommendation without being a member: read apart, seldom needed.
        var missing = figures[roundId].ByState.Keys.Where(code => !details.ContainsKey(code)).ToList();
        if (missing.Count > 0)
        {
            foreach (var state in await db.States.AsNoTracking().Where(s => missing.Contains(s.Code)).ToListAsync(ct))
            {
                states[state.Code] = state;
            }
        }
        return new EvaluationReport
        {
            Current = figures[roundId],
            Previous = trend.Count > 1 ? figures[trend[^2].Id] : null,
            Trend = trend.Select(r => figures[r.Id]).ToList(),
            States = states,
            Pick = pick,
        };
    }
}

/// <summary>Names of statuses and figures in the reader's language. The statuses are named as everywhere else
/// (<see cref="StatusLabels"/>: the process's own labels where its secretariat renamed them), read once per request by
/// <see cref="ForProcessAsync"/> before anything is drawn.</summary>
public sealed class EvaluationLabels(AppDbContext db, IStringLocalizer<EvaluationText> t, IStringLocalizer<FollowUpText> statusText)
{
    private IReadOnlyDictionary<ImplementationStatus, string>? _statuses;

    public IStringLocalizer<EvaluationText> Text => t;

    /// <summary>Reads the names of the statuses in process <paramref name="processId"/> (one query).</summary>
    public async Task ForProcessAsync(int processId, CancellationToken ct) =>
        _statuses = await StatusLabels.ForAsync(db, statusText, processId, Cultures.Current, ct);

    public string Status(ImplementationStatus status) =>
        (_statuses ?? throw new InvalidOperationException("The process's status labels are read first: call ForProcessAsync."))[status];

    public string NotReported => t["Not reported"];

    /// <summary>A mark that tells the status apart without colour (heat map cells, legends).</summary>
    public static string Mark(ImplementationStatus? status) => status switch
    {
        ImplementationStatus.Implemented => "✓",
        ImplementationStatus.InProgress => "◐",
        ImplementationStatus.Planned => "○",
        ImplementationStatus.NotStarted => "✗",
        ImplementationStatus.NotApplicable => "–",
        _ => "?",
    };

    public static string Colour(ImplementationStatus? status) => status switch
    {
        ImplementationStatus.Implemented => "#1b7837",
        ImplementationStatus.InProgress => "#5aae61",
        ImplementationStatus.Planned => "#a6dba0",
        ImplementationStatus.NotStarted => "#c2a5cf",
        ImplementationStatus.NotApplicable => "#bdbdbd",
        _ => "#ffffff",
    };

    /// <summary>Dark ink on light shades, white on dark ones.</summary>
    public static string Ink(ImplementationStatus? status) => status is ImplementationStatus.Implemented ? "#ffffff" : "#111111";

    public string Recommendation(EvaluatedRecommendation r) => t["Recommendation {0}", r.Number];

    /// <summary>The objective as an export or the API names it: its number and official title (<see cref="GlobalFrameworks.ObjectiveName"/>).</summary>
    public static string Objective(int objective) => GlobalFrameworks.ObjectiveName(objective, Cultures.Current).Text;

    public string ObjectiveNumber(int objective) => t["Objective {0}", objective];

    public string Round(RoundRow round, DateTimeOffset now) => round.StateName(now) switch
    {
        "closed" => t["Closed"],
        "open" => t["Open"],
        _ => t["Not yet open"],
    };

    public static string Share(double? share) => share is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "—";

    /// <summary>A change of share in points: "+25", "−10", "0".</summary>
    public static string Points(double? now, double? before) => now is { } a && before is { } b
        ? Signed((int)Math.Round((a - b) * 100, MidpointRounding.AwayFromZero))
        : "—";

    public static string Signed(int value) => value > 0 ? "+" + value.ToString(CultureInfo.CurrentCulture)
        : value < 0 ? "−" + (-value).ToString(CultureInfo.CurrentCulture)
        : "0";
}
