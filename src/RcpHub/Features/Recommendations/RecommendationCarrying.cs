using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Recommendations;

/// <summary>A recommendation point of a session report as the report page shows it for carrying.</summary>
public sealed record CarryablePoint(int Id, int Position, IReadOnlyList<CarriedPoint> Carried);

/// <summary>What the session report page shows under its recommendations: where each point was carried (to those who
/// may read that output) and, for the secretariat, the form to carry it into a draft output of the process.</summary>
public sealed record CarryPanel(IReadOnlyList<CarryablePoint> Points, bool MayCarry, IReadOnlyList<(int Id, string Title)> DraftOutputs);

/// <summary>Carries a session report's recommendation point into an output in one step (decision: the point keeps the
/// link, <see cref="Recommendation.SourcePointId"/>, so the origin stays readable both ways).</summary>
public sealed class RecommendationCarrying(AppDbContext db, TimeProvider clock, IStringLocalizer<RecommendationsText> t)
{
    public const string NewOutput = "new";

    public async Task<CarryPanel?> PanelAsync(MeetingReader reader, int processId, IReadOnlyList<(int Id, int Position)> points, CancellationToken ct)
    {
        if (points.Count == 0)
        {
            return null;
        }
        var carried = await RecommendationQueries.CarriedAsync(db, reader, points.Select(p => p.Id).ToList(), ct);
        var mayCarry = AccessRules.Allows(Operation.DraftOutputs, reader.IsPlatformAdministrator, reader.RolesIn(processId));
        var drafts = mayCarry ? await RecommendationQueries.DraftOutputsAsync(db, processId, ct) : [];
        return new CarryPanel(points.Select(p => new CarryablePoint(p.Id, p.Position, carried.Where(c => c.PointId == p.Id).ToList())).ToList(), mayCarry, drafts);
    }

    /// <summary>Carries point <paramref name="pointId"/> of session <paramref name="sessionId"/> into the draft output
    /// <paramref name="into"/> (an id, or <see cref="NewOutput"/> for a new "recommendations" output of the meeting).
    /// The notice to show, or the refusal.</summary>
    public async Task<(string? Notice, string? Refusal)> CarryAsync(MeetingReader reader, int processId, int meetingId, string meetingTitle, int sessionId,
        int pointId, string? into, CancellationToken ct)
    {
        var inSession = await db.SessionReportVersions.AnyAsync(v => v.SessionId == sessionId && v.Points.Any(p => p.Id == pointId && p.Kind == ReportPointKind.Recommendation), ct);
        if (!inSession)
        {
            return (null, t["There is no such recommendation in this session's report."]);
        }
        int outputId;
        if (into == NewOutput)
        {
            outputId = await new RecommendationCommands(db, clock, t).CreateOutputForMeetingAsync(meetingId, t["Recommendations of {0}", meetingTitle], ct);
        }
        else if (!int.TryParse(into, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out outputId))
        {
            return (null, t["Choose the output to carry the recommendation into."]);
        }
        if (await RecommendationQueries.OutputAsync(db, reader, processId, outputId, ct) is not { } output)
        {
            return (null, t["Choose the output to carry the recommendation into."]);
        }
        var outcome = await new RecommendationCommands(db, clock, t).CarryAsync(processId, pointId, output, ct);
        if (!outcome.Succeeded)
        {
            return (null, outcome.Errors.ByField.Values.SelectMany(m => m).FirstOrDefault() ?? t["Choose the output to carry the recommendation into."]);
        }
        return (t["Carried into “{0}” as recommendation {1}.", output.Title, outcome.Id], null);
    }
}
