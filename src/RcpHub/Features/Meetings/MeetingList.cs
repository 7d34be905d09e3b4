using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Meetings;

/// <summary>Which of a process's meetings to list: upcoming (not yet ended, soonest first) or past (latest first),
/// narrowed by level, format, status and words of the title.</summary>
public sealed record MeetingFilter(MeetingLevel? Level = null, MeetingFormat? Format = null, MeetingStatus? Status = null, string? Q = null, bool Past = false, int Page = 1)
{
    public const int PageSize = 50;

    public int SafePage => Math.Max(1, Page);
}

/// <summary>One meeting in a list. For a meeting the reader sees only through its published summary,
/// <see cref="SummaryOnly"/> is set and where it takes place is left out.</summary>
public sealed record MeetingRow(
    int Id,
    string Title,
    string ProcessSlug,
    string ProcessAcronym,
    MeetingLevel Level,
    MeetingFormat Format,
    MeetingStatus Status,
    MeetingAudience Audience,
    bool SummaryOnly,
    DateTimeOffset StartsAtUtc,
    DateTimeOffset EndsAtUtc,
    string TimeZoneId,
    string? HostStateCode,
    string? Venue,
    bool Online);

public sealed record MeetingPage(IReadOnlyList<MeetingRow> Rows, int UpcomingCount, int PastCount, int Page)
{
    public int Total(bool past) => past ? PastCount : UpcomingCount;

    public int PageCount(bool past) => Math.Max(1, (Total(past) + MeetingFilter.PageSize - 1) / MeetingFilter.PageSize);
}

public static class MeetingList
{
    /// <summary>The meetings of a process (convened by it, or with it taking part) that <paramref name="reader"/> may
    /// see, counted and paged: four or five queries whatever the number of meetings.</summary>
    public static async Task<MeetingPage> ForProcessAsync(AppDbContext db, MeetingReader reader, int processId, MeetingFilter filter, DateTimeOffset now, CancellationToken ct = default)
    {
        var listed = db.Meetings.AsNoTracking()
            .Where(m => m.ProcessId == processId || m.ParticipatingProcesses.Any(p => p.ProcessId == processId))
            .Where(MeetingAccess.SummaryVisibleTo(reader));
        if (filter.Level is { } level)
        {
            listed = listed.Where(m => m.Level == level);
        }
        if (filter.Format is { } format)
        {
            listed = listed.Where(m => m.Format == format);
        }
        if (filter.Status is { } status)
        {
            listed = listed.Where(m => m.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLower();
            listed = listed.Where(m => m.Title.ToLower().Contains(q));
        }

        var upcomingCount = await listed.CountAsync(m => m.EndsAtUtc >= now, ct);
        var pastCount = await listed.CountAsync(m => m.EndsAtUtc < now, ct);
        var page = filter.Past
            ? listed.Where(m => m.EndsAtUtc < now).OrderByDescending(m => m.StartsAtUtc).ThenByDescending(m => m.Id)
            : listed.Where(m => m.EndsAtUtc >= now).OrderBy(m => m.StartsAtUtc).ThenBy(m => m.Id);
        var rows = await Project(page.Skip((filter.SafePage - 1) * MeetingFilter.PageSize).Take(MeetingFilter.PageSize)).ToListAsync(ct);
        return new MeetingPage(await MarkSummaryOnlyAsync(db, reader, rows, ct), upcomingCount, pastCount, filter.SafePage);
    }

    private static IQueryable<MeetingRow> Project(IQueryable<Meeting> meetings) => meetings.Select(m => new MeetingRow(
        m.Id, m.Title, m.Process!.Slug, m.Process.Acronym, m.Level, m.Format, m.Status, m.Audience, false,
        m.StartsAtUtc, m.EndsAtUtc, m.TimeZoneId, m.HostStateCode, m.Venue, m.OnlineUrl != null));

    /// <summary>A listed meeting whose summary is published may be one the reader may not otherwise see: those are
    /// found with one more query (only when the page holds such a meeting) and shown without their place.</summary>
    private static async Task<List<MeetingRow>> MarkSummaryOnlyAsync(AppDbContext db, MeetingReader reader, List<MeetingRow> rows, CancellationToken ct)
    {
        var summaryOnly = await SummaryOnlyAsync(db, reader, rows.Select(r => (r.Id, r.Audience)), ct);
        return rows.Select(r => summaryOnly.Contains(r.Id)
            ? r with { SummaryOnly = true, HostStateCode = null, Venue = null, Online = false }
            : r).ToList();
    }

    /// <summary>Of meetings listed with <see cref="MeetingAccess.SummaryVisibleTo"/>, those <paramref name="reader"/> sees
    /// through their published summary only; one query, and none when every listed meeting is public.</summary>
    public static async Task<IReadOnlySet<int>> SummaryOnlyAsync(AppDbContext db, MeetingReader reader, IEnumerable<(int Id, MeetingAudience Audience)> listed, CancellationToken ct)
    {
        var candidates = listed.Where(r => r.Audience != MeetingAudience.Public).Select(r => r.Id).ToList();
        if (reader.IsPlatformAdministrator || candidates.Count == 0)
        {
            return new HashSet<int>();
        }
        var visible = await db.Meetings.AsNoTracking().Where(m => candidates.Contains(m.Id)).Where(MeetingAccess.VisibleTo(reader)).Select(m => m.Id).ToListAsync(ct);
        return candidates.Except(visible).ToHashSet();
    }
}
