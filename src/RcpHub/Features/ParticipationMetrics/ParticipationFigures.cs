using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.ParticipationMetrics;

/// <summary>Civil society places in one group (a year, a process, a meeting, a type, a region, a country).</summary>
public sealed record PlaceCount(string Key, string Label, int Places, int MigrantLed);

/// <summary>One year's places, split by the type of organisation.</summary>
public sealed record YearPlaces(int Year, int Places, int MigrantLed, IReadOnlyDictionary<CivilSocietyType, int> ByType);

/// <summary>One meeting's places.</summary>
public sealed record MeetingPlaces(int MeetingId, string Title, DateOnly On, string ProcessSlug, string ProcessAcronym, int Places, int MigrantLed);

/// <summary>The public participation metrics: civil society places (a civil society organisation invited to a meeting)
/// per year, process, meeting, type, region and country. Only what is public counts: meetings held in public
/// (<see cref="MeetingAudience.Public"/>), not cancelled, of real processes (not the demo).</summary>
public sealed record ParticipationFigures(
    int Places, int MigrantLed,
    IReadOnlyList<YearPlaces> Years, IReadOnlyList<PlaceCount> Processes, IReadOnlyList<MeetingPlaces> Meetings,
    IReadOnlyList<PlaceCount> Types, IReadOnlyList<PlaceCount> Regions, IReadOnlyList<PlaceCount> Countries)
{
    /// <summary>At most this many meetings are listed, newest first.</summary>
    public const int MeetingsListed = 100;

    public static async Task<ParticipationFigures> LoadAsync(AppDbContext db, string? processSlug, Func<string, string> countryName, CancellationToken ct)
    {
        var query = db.MeetingInvitees.AsNoTracking()
            .Where(i => i.OrganizationId != null && i.Organization!.Kind == OrganizationKind.CivilSociety)
            .Where(i => i.Meeting!.Audience == MeetingAudience.Public && i.Meeting.Status != MeetingStatus.Cancelled && !i.Meeting.Process!.IsDemo);
        if (processSlug is not null)
        {
            query = query.Where(i => i.Meeting!.Process!.Slug == processSlug);
        }
        var rows = await query
            .Select(i => new
            {
                i.MeetingId, i.Meeting!.Title, i.Meeting.StartsAtUtc, ProcessSlug = i.Meeting.Process!.Slug, i.Meeting.Process.Acronym, ProcessName = i.Meeting.Process.Name,
                i.Meeting.Process.Region, i.Organization!.CivilSocietyType, i.Organization.MigrantLed, i.Organization.CountryCodes,
            })
            .ToListAsync(ct);

        static PlaceCount Count<T>(string key, string label, IEnumerable<T> places, Func<T, bool> migrantLed)
        {
            var list = places.ToList();
            return new PlaceCount(key, label, list.Count, list.Count(migrantLed));
        }

        var years = rows.GroupBy(r => r.StartsAtUtc.Year).OrderBy(g => g.Key)
            .Select(g => new YearPlaces(g.Key, g.Count(), g.Count(r => r.MigrantLed),
                g.Where(r => r.CivilSocietyType != null).GroupBy(r => r.CivilSocietyType!.Value).ToDictionary(t => t.Key, t => t.Count())))
            .ToList();
        var processes = rows.GroupBy(r => r.ProcessSlug)
            .Select(g => Count(g.Key, $"{g.First().ProcessName} ({g.First().Acronym})", g, r => r.MigrantLed))
            .OrderByDescending(p => p.Places).ThenBy(p => p.Label, StringComparer.Ordinal).ToList();
        var meetings = rows.GroupBy(r => r.MeetingId)
            .Select(g => g.First() is var m
                ? new MeetingPlaces(m.MeetingId, m.Title, DateOnly.FromDateTime(m.StartsAtUtc.UtcDateTime), m.ProcessSlug, m.Acronym, g.Count(), g.Count(r => r.MigrantLed))
                : null!)
            .OrderByDescending(m => m.On).ThenBy(m => m.MeetingId).Take(MeetingsListed).ToList();
        var types = rows.GroupBy(r => r.CivilSocietyType)
            .Select(g => Count(g.Key?.ToString() ?? "", g.Key?.ToString() ?? "", g, r => r.MigrantLed))
            .OrderByDescending(p => p.Places).ToList();
        var regions = rows.GroupBy(r => r.Region)
            .Select(g => Count(g.Key, g.Key, g, r => r.MigrantLed))
            .OrderByDescending(p => p.Places).ThenBy(p => p.Label, StringComparer.Ordinal).ToList();
        // An organisation working in several countries counts once in each of them.
        var countries = rows.SelectMany(r => r.CountryCodes.Select(c => (Code: c, r.MigrantLed))).GroupBy(c => c.Code)
            .Select(g => Count(g.Key, countryName(g.Key), g, c => c.MigrantLed))
            .OrderByDescending(p => p.Places).ThenBy(p => p.Label, StringComparer.Ordinal).ToList();
        return new ParticipationFigures(rows.Count, rows.Count(r => r.MigrantLed), years, processes, meetings, types, regions, countries);
    }
}
