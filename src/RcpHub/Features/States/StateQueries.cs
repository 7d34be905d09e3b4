using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;

namespace RcpHub.Features.States;

public sealed record StateSummary(string Code, string Name, int MemberOf, int ObserverIn);

/// <summary>A state's part in one process.</summary>
public sealed record StateMembership(ProcessRef Process, MembershipRole Role, DateOnly? JoinedOn, DateOnly? LeftOn, string? Note);

public sealed record StateChairTerm(ProcessRef Process, int StartYear, DateOnly? StartsOn, int? EndYear, DateOnly? EndsOn);

public sealed record StateDetails(
    string Code, string Alpha2, string Name, int MemberOf, int ObserverIn,
    IReadOnlyList<StateMembership> Current, IReadOnlyList<StateMembership> Former, IReadOnlyList<StateChairTerm> ChairTerms);

/// <summary>The reads behind /states and /states/{code}, for the pages and the API alike.</summary>
public static class StateQueries
{
    /// <summary>Every state with at least one membership (current or past), named in <paramref name="language"/>,
    /// with the number of processes it belongs to today. The search runs in memory over a few hundred
    /// names: SQLite's lower() knows only ASCII, and accents should not matter.</summary>
    public static async Task<List<StateSummary>> ListAsync(AppDbContext db, string language, DateOnly today, string? query, CancellationToken ct)
    {
        var current = db.Memberships.CurrentOn(today);
        var states = await db.States.AsNoTracking()
            .Where(s => db.Memberships.Any(m => m.StateCode == s.Code))
            .Select(s => new StateSummary(
                s.Code,
                s.Name(language),
                current.Where(m => m.StateCode == s.Code && m.Role == MembershipRole.Member).Select(m => m.ProcessId).Distinct().Count(),
                current.Where(m => m.StateCode == s.Code && m.Role == MembershipRole.Observer).Select(m => m.ProcessId).Distinct().Count()))
            .ToListAsync(ct);
        query = query?.Trim();
        return states
            .Where(s => string.IsNullOrEmpty(query) || RegistrySorting.Matches(s.Name, query) || s.Code.Equals(query, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Name, RegistrySorting.Names)
            .ToList();
    }

    public static async Task<StateDetails?> LoadAsync(AppDbContext db, string code, string language, DateOnly today, CancellationToken ct)
    {
        code = code.ToUpperInvariant();
        var state = await db.States.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, ct);
        if (state is null)
        {
            return null;
        }
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.StateCode == code)
            .Select(m => new StateMembership(
                new ProcessRef(m.Process!.Slug, m.Process.Acronym, m.Process.Name, m.Process.Kind, m.Process.Status),
                m.Role, m.JoinedOn, m.LeftOn, m.Note))
            .ToListAsync(ct);
        var chairTerms = await db.ChairTerms.AsNoTracking()
            .Where(t => t.StateCode == code)
            .Join(db.Processes, t => t.ProcessId, p => p.Id, (t, p) => new StateChairTerm(
                new ProcessRef(p.Slug, p.Acronym, p.Name, p.Kind, p.Status), t.StartYear, t.StartsOn, t.EndYear, t.EndsOn))
            .ToListAsync(ct);

        var names = RegistrySorting.Names;
        var current = memberships.Where(m => m.LeftOn is null || m.LeftOn > today).OrderBy(m => m.Role).ThenBy(m => m.Process.Name, names).ToList();
        int CountOf(MembershipRole role) => current.Where(m => m.Role == role).Select(m => m.Process.Slug).Distinct().Count();
        return new StateDetails(
            state.Code, state.Alpha2, state.Name(language), CountOf(MembershipRole.Member), CountOf(MembershipRole.Observer),
            current,
            memberships.Where(m => m.LeftOn <= today).OrderByDescending(m => m.LeftOn).ThenBy(m => m.Process.Name, names).ToList(),
            chairTerms.OrderByDescending(t => t.StartYear).ThenBy(t => t.StartsOn == null).ThenByDescending(t => t.StartsOn).ToList());
    }
}
