using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Outputs;

/// <summary>An output in a process's list.</summary>
public sealed record OutputListItem(
    int Id, OutputKind Kind, string Title, string OriginalLanguage, MeetingAudience Audience, int? MeetingId, string? MeetingTitle,
    DateOnly? AdoptedOn, int? AdoptedAtMeetingId, string? AdoptedAtMeetingTitle, int? AdoptedVersionNumber, int Versions, DateTimeOffset UpdatedAt)
{
    public bool IsAdopted => AdoptedOn is not null;
}

/// <summary>A meeting of the process the reader may see: named on outputs, offered for adoption.</summary>
public sealed record OutputMeeting(int Id, string Title, DateTimeOffset StartsAtUtc);

public sealed record OutputVersionItem(int Number, string? Note, string SavedBy, DateTimeOffset SavedAt, bool Adopted);

public sealed record OutputVersionView(int Number, string Text, string? Note, string SavedBy, DateTimeOffset SavedAt)
{
    public IReadOnlyList<string> Paragraphs => DraftText.Paragraphs(Text);
}

public sealed record OutputCommentView(int Id, int Version, int Paragraph, string? StateCode, string Author, string Text, DateTimeOffset At);

public sealed record OutputPositionView(string StateCode, StatePositionKind Kind, string? ReservationText, DateOnly On);

public sealed record OutputRecommendationItem(int Id, int Number, string Text);

/// <summary>An output with everything the output page and the API show of it.</summary>
public sealed record OutputView(
    OutputListItem Output, int? AdoptedVersion, OutputVersionView? Current, IReadOnlyList<OutputVersionItem> Versions,
    IReadOnlyList<OutputCommentView> Comments, IReadOnlyList<OutputRecommendationItem> Recommendations, IReadOnlyList<OutputPositionView> Positions);

/// <summary>Reading outputs: always through <see cref="OutputAccess.VisibleTo"/>, so that an output outside the reader's
/// audience is neither shown, counted nor linked; it is "not found".</summary>
public static class OutputQueries
{
    public static IQueryable<Output> Visible(AppDbContext db, MeetingReader reader, int processId) =>
        db.Outputs.AsNoTracking().Where(o => o.ProcessId == processId).Where(OutputAccess.VisibleTo(reader));

    /// <summary>Drafts first, then adopted outputs, the latest changed first (ordered here: SQLite cannot order by a
    /// DateTimeOffset, and a process has few outputs).</summary>
    public static async Task<List<OutputListItem>> ListAsync(AppDbContext db, MeetingReader reader, int processId, int? meetingId, CancellationToken ct) =>
        (await Items(db, reader, Visible(db, reader, processId).Where(o => meetingId == null || o.MeetingId == meetingId || o.AdoptedAtMeetingId == meetingId)).ToListAsync(ct))
            .OrderBy(o => o.IsAdopted).ThenByDescending(o => o.UpdatedAt).ThenBy(o => o.Id)
            .ToList();

    public static Task<OutputListItem?> FindAsync(AppDbContext db, MeetingReader reader, int processId, int id, CancellationToken ct) =>
        Items(db, reader, Visible(db, reader, processId).Where(o => o.Id == id)).SingleOrDefaultAsync(ct);

    /// <summary>The outputs as listed; their meetings named only to a reader who may see them (<see cref="MeetingAccess"/>).</summary>
    private static IQueryable<OutputListItem> Items(AppDbContext db, MeetingReader reader, IQueryable<Output> outputs)
    {
        var meetings = db.Meetings.Where(MeetingAccess.VisibleTo(reader));
        return outputs.Select(o => new OutputListItem(o.Id, o.Kind, o.Title, o.OriginalLanguage, o.Audience,
            o.MeetingId, meetings.Where(m => m.Id == o.MeetingId).Select(m => m.Title).FirstOrDefault(),
            o.AdoptedOn, o.AdoptedAtMeetingId, meetings.Where(m => m.Id == o.AdoptedAtMeetingId).Select(m => m.Title).FirstOrDefault(),
            o.Versions.Where(v => v.Id == o.AdoptedVersionId).Select(v => (int?)v.Number).FirstOrDefault(), o.Versions.Count, o.UpdatedAt));
    }

    /// <summary>The meetings of the process the reader may see, newest first.</summary>
    public static Task<List<OutputMeeting>> MeetingsAsync(AppDbContext db, MeetingReader reader, int processId, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Where(m => m.ProcessId == processId).Where(MeetingAccess.VisibleTo(reader))
            .OrderByDescending(m => m.StartsAtUtc)
            .Select(m => new OutputMeeting(m.Id, m.Title, m.StartsAtUtc))
            .ToListAsync(ct);

    /// <summary>The output (already found visible) with version <paramref name="version"/>, or its latest; null when
    /// that version does not exist.</summary>
    public static async Task<OutputView?> ViewAsync(AppDbContext db, OutputListItem output, int? version, CancellationToken ct)
    {
        // Versions are numbered 1, 2, 3... and never removed: the latest is the count. Its text comes with the list.
        var number = version ?? output.Versions;
        var rows = await db.OutputVersions.AsNoTracking().Where(v => v.OutputId == output.Id).OrderByDescending(v => v.Number)
            .Select(v => new
            {
                Item = new OutputVersionItem(v.Number, v.Note, v.SavedBy!.DisplayName, v.SavedAt, false),
                Shown = v.Number == number ? new OutputVersionView(v.Number, v.Text, v.Note, v.SavedBy!.DisplayName, v.SavedAt) : null,
            })
            .ToListAsync(ct);
        var versions = rows.Select(r => r.Item).ToList();
        // An output adopted without naming its version (as imported) was adopted in its latest.
        var adopted = output.AdoptedVersionNumber ?? (output.IsAdopted ? versions.FirstOrDefault()?.Number : null);
        versions = versions.Select(v => v with { Adopted = v.Number == adopted }).ToList();
        var current = rows.FirstOrDefault(r => r.Shown is not null)?.Shown;
        if (version is not null && current is null)
        {
            return null;
        }
        var comments = current is null ? [] : await db.OutputComments.AsNoTracking()
            .Where(c => c.Version!.OutputId == output.Id && c.Version.Number == number)
            .OrderBy(c => c.Paragraph).ThenBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new OutputCommentView(c.Id, c.Version!.Number, c.Paragraph, c.StateCode, c.Author!.DisplayName, c.Text, c.At))
            .ToListAsync(ct);
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.OutputId == output.Id).OrderBy(r => r.Number)
            .Select(r => new OutputRecommendationItem(r.Id, r.Number, r.Text))
            .ToListAsync(ct);
        var positions = await PositionsAsync(db, output.Id, ct);
        return new OutputView(output, adopted, current, versions, comments, recommendations, positions);
    }

    public static Task<List<OutputPositionView>> PositionsAsync(AppDbContext db, int outputId, CancellationToken ct) =>
        db.OutputPositions.AsNoTracking().Where(p => p.OutputId == outputId).OrderBy(p => p.StateCode)
            .Select(p => new OutputPositionView(p.StateCode, p.Kind, p.ReservationText, p.On))
            .ToListAsync(ct);

    /// <summary>Every comment on the output, on every version, in order.</summary>
    public static Task<List<OutputCommentView>> CommentsAsync(AppDbContext db, int outputId, CancellationToken ct) =>
        db.OutputComments.AsNoTracking().Where(c => c.Version!.OutputId == outputId)
            .OrderBy(c => c.Version!.Number).ThenBy(c => c.Paragraph).ThenBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new OutputCommentView(c.Id, c.Version!.Number, c.Paragraph, c.StateCode, c.Author!.DisplayName, c.Text, c.At))
            .ToListAsync(ct);

    /// <summary>Two versions compared (<see cref="DraftComparisons"/>); null when a version named does not exist.</summary>
    public static Task<DraftComparison?> CompareAsync(AppDbContext db, int outputId, int? from, int? to, CancellationToken ct) =>
        DraftComparisons.CompareAsync(
            db.OutputVersions.AsNoTracking().Where(v => v.OutputId == outputId).Select(v => new DraftVersionText { Number = v.Number, Text = v.Text }), from, to, ct);
}
