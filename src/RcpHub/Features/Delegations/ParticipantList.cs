using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Delegations;

public sealed record DelegateRow(string Name, string? Function, string Ministry, MinistryCategory Category, Gender Gender, bool IsHead);

public sealed record DelegationRow(int Id, string StateCode, string StateName, DelegationStatus Status, string? ReturnNote, IReadOnlyList<DelegateRow> Delegates);

/// <summary>Counts over the delegations that are registered or confirmed (a returned delegation awaits correction
/// and is left out).</summary>
public sealed record ParticipantStatistics(
    int Delegations, int Delegates, int Women, int Men, int OtherGender, int NotStated,
    IReadOnlyList<(string State, int Delegates)> PerState,
    IReadOnlyList<(string Ministry, MinistryCategory Category, int Delegates)> Ministries);

/// <summary>A meeting's delegations and delegates, read in one query, and the statistics drawn from them. The caller
/// has checked that the reader may see the meeting.</summary>
public static class ParticipantList
{
    public static async Task<IReadOnlyList<DelegationRow>> LoadAsync(AppDbContext db, int meetingId, CancellationToken ct)
    {
        var rows = await db.Delegations.AsNoTracking()
            .Where(d => d.MeetingId == meetingId)
            .Select(d => new
            {
                d.Id,
                d.StateCode,
                d.State!.NameEn, d.State.NameFr, d.State.NameEs, d.State.NameRu, d.State.NameAr,
                d.Status,
                d.ReturnNote,
                Delegates = d.Delegates.OrderBy(x => x.Position)
                    .Select(x => new { x.Name, x.Function, x.Ministry, x.Gender, x.IsHead }).ToList(),
            })
            .ToListAsync(ct);
        var language = Cultures.Current;
        return rows
            .Select(d => new DelegationRow(d.Id, d.StateCode,
                language switch { "fr" => d.NameFr, "es" => d.NameEs, "ru" => d.NameRu, "ar" => d.NameAr, _ => d.NameEn },
                d.Status, d.ReturnNote,
                d.Delegates.Select(x => new DelegateRow(x.Name, x.Function, x.Ministry, MinistryClassifier.Classify(x.Ministry), x.Gender, x.IsHead)).ToList()))
            .OrderBy(d => d.StateName, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>What the public may know of the delegations: which states' delegations are confirmed, and of their
    /// delegates only the count and gender (for the totals); no name, function or ministry leaves the server.</summary>
    public static IReadOnlyList<DelegationRow> ForThePublic(IReadOnlyList<DelegationRow> delegations) =>
        delegations
            .Where(d => d.Status == DelegationStatus.Confirmed)
            .Select(d => d with
            {
                ReturnNote = null,
                Delegates = d.Delegates.Select(x => new DelegateRow("", null, "", MinistryCategory.Other, x.Gender, false)).ToList(),
            })
            .ToList();

    /// <summary>The counts; the ministries only with <paramref name="withMinistries"/>, since a ministry named beside a
    /// count of one says who attended.</summary>
    public static ParticipantStatistics Statistics(IReadOnlyList<DelegationRow> delegations, bool withMinistries = true)
    {
        var counted = delegations.Where(d => d.Status != DelegationStatus.Returned).ToList();
        var delegates = counted.SelectMany(d => d.Delegates).ToList();
        return new ParticipantStatistics(
            counted.Count,
            delegates.Count,
            delegates.Count(d => d.Gender == Gender.Woman),
            delegates.Count(d => d.Gender == Gender.Man),
            delegates.Count(d => d.Gender == Gender.Other),
            delegates.Count(d => d.Gender == Gender.NotStated),
            counted.Select(d => (d.StateName, d.Delegates.Count)).ToList(),
            !withMinistries ? [] : delegates.GroupBy(d => d.Ministry.Trim(), StringComparer.CurrentCultureIgnoreCase)
                .Select(g => (g.First().Ministry, g.First().Category, g.Count()))
                .OrderByDescending(m => m.Item3).ThenBy(m => m.Item1, StringComparer.CurrentCulture)
                .ToList());
    }
}
