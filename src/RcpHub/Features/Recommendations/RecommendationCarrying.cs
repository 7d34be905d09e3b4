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

    /// <summary>One query, whatever the number of points and outputs: carrying happens within a process, so the outputs
    /// of the meeting's process that the reader may read hold every recommendation carried from its points.</summary>
    public async Task<CarryPanel?> PanelAsync(MeetingReader reader, int processId, string processSlug, IReadOnlyList<(int Id, int Position)> points, CancellationToken ct)
    {
        if (points.Count == 0)
        {
            return null;
        }
        var ids = points.Select(p => p.Id).ToList();
        var mayCarry = AccessRules.Allows(Operation.DraftOutputs, reader.IsPlatformAdministrator, reader.RolesIn(processId));
        var outputs = await db.Outputs.AsNoTracking()
            .Where(OutputAccess.VisibleTo(reader))
            .Where(o => o.ProcessId == processId
                && ((mayCarry && o.AdoptedOn == null) || o.Recommendations.Any(r => r.SourcePointId != null && ids.Contains(r.SourcePointId.Value))))
            .OrderByDescending(o => o.Id)
            .Select(o => new
            {
                o.Id,
                o.Title,
                IsDraft = o.AdoptedOn == null,
                Carried = o.Recommendations.Where(r => r.SourcePointId != null && ids.Contains(r.SourcePointId.Value))
                    .OrderBy(r => r.Number).Select(r => new { Point = r.SourcePointId!.Value, r.Number }).ToList(),
            })
            .ToListAsync(ct);
        var carried = outputs.OrderBy(o => o.Id)
            .SelectMany(o => o.Carried.Select(c => new CarriedPoint(c.Point, processSlug, o.Id, o.Title, c.Number))).ToList();
        var drafts = mayCarry ? outputs.Where(o => o.IsDraft).Select(o => (o.Id, o.Title)).ToList() : [];
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
        var commands = new RecommendationCommands(db, clock, t);
        if (into == NewOutput)
        {
            // Refused before the new output is made, so that a refusal leaves no empty output behind.
            if (await commands.CarriedAlreadyAsync(pointId, ct))
            {
                return (null, commands.CarriedOnce);
            }
            outputId = await commands.CreateOutputForMeetingAsync(meetingId, t["Recommendations of {0}", meetingTitle], ct);
        }
        else if (!int.TryParse(into, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out outputId))
        {
            return (null, t["Choose the output to carry the recommendation into."]);
        }
        if (await RecommendationQueries.OutputAsync(db, reader, processId, outputId, ct) is not { } output)
        {
            return (null, t["Choose the output to carry the recommendation into."]);
        }
        var outcome = await commands.CarryAsync(processId, pointId, output, ct);
        if (!outcome.Succeeded)
        {
            return (null, outcome.Errors.ByField.Values.SelectMany(m => m).FirstOrDefault() ?? t["Choose the output to carry the recommendation into."]);
        }
        return (t["Carried into “{0}” as recommendation {1}.", output.Title, outcome.Id], null);
    }
}
