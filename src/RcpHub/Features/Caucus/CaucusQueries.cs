using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Caucus;

/// <summary>A joint position in the caucus's list.</summary>
public sealed record PositionListItem(
    int Id, string Title, int Versions, int Endorsements, int Dissents, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, int? MeetingId, string? MeetingTitle)
{
    public bool IsSubmitted => SubmittedAt is not null;
}

public sealed record PositionVersionItem(int Number, string? Note, string SavedBy, DateTimeOffset SavedAt);

public sealed record PositionVersionView(int Number, string Text, string? Note, string SavedBy, DateTimeOffset SavedAt)
{
    public IReadOnlyList<string> Paragraphs => DraftText.Paragraphs(Text);
}

public sealed record PositionCommentView(int Id, int Version, int Paragraph, string? Organization, string Author, string Text, DateTimeOffset At);

/// <summary>An organisation's endorsement or dissent, on the version that was the latest when it was taken.</summary>
public sealed record StanceView(int OrganizationId, string Organization, CaucusStanceKind Kind, string? DissentText, int Version, DateTimeOffset RecordedAt);

/// <summary>A position with everything its page and the API show of it.</summary>
public sealed record PositionView(
    PositionListItem Position, PositionVersionView? Current, IReadOnlyList<PositionVersionItem> Versions, IReadOnlyList<PositionCommentView> Comments,
    IReadOnlyList<StanceView> Stances);

/// <summary>An organisation, as the forms offer it.</summary>
public sealed record OrganizationChoice(int Id, string Name);

/// <summary>A meeting of the process, as the submission form offers it.</summary>
public sealed record MeetingChoice(int Id, string Title, DateTimeOffset StartsAtUtc);

/// <summary>Reading the caucus of a process. Who may read it is decided by the operation (decision 0025), so every
/// position of the process is read here; a position of another process is "not found".</summary>
public static class CaucusQueries
{
    /// <summary>Drafts first, then submitted positions, the latest changed first (ordered here: SQLite cannot order by a
    /// DateTimeOffset, and a caucus has few positions).</summary>
    public static async Task<List<PositionListItem>> ListAsync(AppDbContext db, int processId, CancellationToken ct) =>
        (await Items(db, db.CaucusPositions.AsNoTracking().Where(p => p.ProcessId == processId)).ToListAsync(ct))
            .OrderBy(p => p.IsSubmitted).ThenByDescending(p => p.UpdatedAt).ThenBy(p => p.Id)
            .ToList();

    public static Task<PositionListItem?> FindAsync(AppDbContext db, int processId, int id, CancellationToken ct) =>
        Items(db, db.CaucusPositions.AsNoTracking().Where(p => p.ProcessId == processId && p.Id == id)).SingleOrDefaultAsync(ct);

    private static IQueryable<PositionListItem> Items(AppDbContext db, IQueryable<CaucusPosition> positions) =>
        positions.Select(p => new PositionListItem(p.Id, p.Title, p.Versions.Count,
            p.Stances.Count(s => s.Kind == CaucusStanceKind.Endorsed), p.Stances.Count(s => s.Kind == CaucusStanceKind.Dissented),
            p.UpdatedAt, p.SubmittedAt,
            db.Statements.Where(s => s.CaucusPositionId == p.Id).Select(s => (int?)s.MeetingId).FirstOrDefault(),
            db.Statements.Where(s => s.CaucusPositionId == p.Id).Select(s => s.Meeting!.Title).FirstOrDefault()));

    /// <summary>The position (already found) with version <paramref name="version"/>, or its latest; null when that
    /// version does not exist.</summary>
    public static async Task<PositionView?> ViewAsync(AppDbContext db, PositionListItem position, int? version, CancellationToken ct)
    {
        // Versions are numbered 1, 2, 3... and never removed: the latest is the count.
        var number = version ?? position.Versions;
        var rows = await db.CaucusVersions.AsNoTracking().Where(v => v.PositionId == position.Id).OrderByDescending(v => v.Number)
            .Select(v => new
            {
                Item = new PositionVersionItem(v.Number, v.Note, v.SavedBy!.DisplayName, v.SavedAt),
                Shown = v.Number == number ? new PositionVersionView(v.Number, v.Text, v.Note, v.SavedBy!.DisplayName, v.SavedAt) : null,
            })
            .ToListAsync(ct);
        var current = rows.FirstOrDefault(r => r.Shown is not null)?.Shown;
        if (current is null)
        {
            return null;
        }
        var comments = (await Comments(db, position.Id, number).ToListAsync(ct))
            .OrderBy(c => c.Paragraph).ThenBy(c => c.At).ThenBy(c => c.Id).ToList();
        return new PositionView(position, current, rows.Select(r => r.Item).ToList(), comments, await StancesAsync(db, position.Id, ct));
    }

    /// <summary>Every comment on the position, on every version, in order.</summary>
    public static async Task<List<PositionCommentView>> CommentsAsync(AppDbContext db, int positionId, CancellationToken ct) =>
        (await Comments(db, positionId, null).ToListAsync(ct)).OrderBy(c => c.Version).ThenBy(c => c.Paragraph).ThenBy(c => c.At).ThenBy(c => c.Id).ToList();

    private static IQueryable<PositionCommentView> Comments(AppDbContext db, int positionId, int? version) =>
        db.CaucusComments.AsNoTracking().Where(c => c.Version!.PositionId == positionId && (version == null || c.Version.Number == version))
            .Select(c => new PositionCommentView(c.Id, c.Version!.Number, c.Paragraph, c.Organization!.Name, c.Author!.DisplayName, c.Text, c.At));

    public static async Task<List<StanceView>> StancesAsync(AppDbContext db, int positionId, CancellationToken ct) =>
        (await db.CaucusStances.AsNoTracking().Where(s => s.PositionId == positionId)
            .Select(s => new StanceView(s.OrganizationId, s.Organization!.Name, s.Kind, s.DissentText, s.VersionNumber, s.RecordedAt))
            .ToListAsync(ct))
        .OrderBy(s => s.Kind).ThenBy(s => s.Organization, StringComparer.CurrentCulture).ToList();

    /// <summary>Two versions compared (<see cref="DraftComparisons"/>); null when a version named does not exist.</summary>
    public static Task<DraftComparison?> CompareAsync(AppDbContext db, int positionId, int? from, int? to, CancellationToken ct) =>
        DraftComparisons.CompareAsync(
            db.CaucusVersions.AsNoTracking().Where(v => v.PositionId == positionId).Select(v => new DraftVersionText { Number = v.Number, Text = v.Text }), from, to, ct);

    /// <summary>The organisations the person acts for in the process, by name, for the stance and statement forms.</summary>
    public static async Task<List<OrganizationChoice>> ActingForAsync(AppDbContext db, TimeProvider clock, string? userId, int processId, CancellationToken ct)
    {
        if (userId is null)
        {
            return [];
        }
        var ids = CaucusCommands.ActingFor(db, clock, userId, processId);
        return (await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new OrganizationChoice(o.Id, o.Name)).ToListAsync(ct))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The meetings of the process, newest first, to submit a position to.</summary>
    public static async Task<List<MeetingChoice>> MeetingsAsync(AppDbContext db, int processId, CancellationToken ct) =>
        (await db.Meetings.AsNoTracking().Where(m => m.ProcessId == processId).Select(m => new MeetingChoice(m.Id, m.Title, m.StartsAtUtc)).ToListAsync(ct))
            .OrderByDescending(m => m.StartsAtUtc).ToList();
}
