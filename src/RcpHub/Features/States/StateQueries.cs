using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.States;

public sealed record StateSummary(string Code, string Name, int MemberOf, int ObserverIn);

/// <summary>A state's part in one process.</summary>
public sealed record StateMembership(ProcessRef Process, MembershipRole Role, DateOnly? JoinedOn, DateOnly? LeftOn, string? Note) : IHeldOverPeriod;

public sealed record StateChairTerm(ProcessRef Process, int StartYear, DateOnly? StartsOn, int? EndYear, DateOnly? EndsOn);

public sealed record StateDetails(
    string Code, string Alpha2, string Name, int MemberOf, int ObserverIn,
    IReadOnlyList<StateMembership> Current, IReadOnlyList<StateMembership> Former, IReadOnlyList<StateChairTerm> ChairTerms)
{
    /// <summary>The good practices that link this state to others through "we adapted this", those the reader may read.</summary>
    public StatePractices Practices { get; init; } = new([], []);
}

/// <summary>One "we adapted this" between two states: the practice (of <paramref name="Process"/>), the other state (the
/// practice's country, or the state that adapted it), the adapting state's note.</summary>
public sealed record StatePracticeLink(int PracticeId, string Title, ProcessRef Process, string OtherStateCode, string OtherStateName, string Note,
    DateTimeOffset At);

/// <param name="Adapted">Practices of other states that this state adapted.</param>
/// <param name="AdaptedFromIt">This state's practices that other states adapted.</param>
public sealed record StatePractices(IReadOnlyList<StatePracticeLink> Adapted, IReadOnlyList<StatePracticeLink> AdaptedFromIt);

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

    /// <summary>The published practices the reader may read (<see cref="PracticeAccess"/>, the one rule of the practices
    /// pages, API and search) that this state adapted or that others adapted from it, newest adaptation first.</summary>
    public static async Task<StatePractices> PracticesAsync(AppDbContext db, MeetingReader reader, string code, string language, CancellationToken ct)
    {
        code = code.ToUpperInvariant();
        // From the adaptations, with the practice's access as a subquery: one join SQLite runs too (no lateral join).
        var readable = db.Practices.Where(PracticeAccess.Listed).Where(PracticeAccess.VisibleTo(reader));
        var links = await db.PracticeAdaptations.AsNoTracking()
            .Where(a => a.StateCode == code || a.Practice!.StateCode == code)
            .Where(a => readable.Any(p => p.Id == a.PracticeId))
            .Select(a => new
            {
                Id = a.PracticeId, a.Practice!.Title,
                Process = new ProcessRef(a.Practice.Process!.Slug, a.Practice.Process.Acronym, a.Practice.Process.Name, a.Practice.Process.Kind, a.Practice.Process.Status),
                Source = a.Practice.State!, Adapter = a.State!, a.Note, a.At,
            })
            .ToListAsync(ct);
        StatePracticeLink Link(int id, string title, ProcessRef process, State other, string note, DateTimeOffset at) =>
            new(id, title, process, other.Code, other.Name(language), note, at);
        return new StatePractices(
            [.. links.Where(l => l.Adapter.Code == code).OrderByDescending(l => l.At).Select(l => Link(l.Id, l.Title, l.Process, l.Source, l.Note, l.At))],
            [.. links.Where(l => l.Source.Code == code).OrderByDescending(l => l.At).Select(l => Link(l.Id, l.Title, l.Process, l.Adapter, l.Note, l.At))]);
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
        var current = memberships.Where(m => !m.HasEnded(today)).OrderBy(m => m.Role).ThenBy(m => m.Process.Name, names).ToList();
        int CountOf(MembershipRole role) => current.Where(m => m.Role == role && m.IsCurrent(today)).Select(m => m.Process.Slug).Distinct().Count();
        return new StateDetails(
            state.Code, state.Alpha2, state.Name(language), CountOf(MembershipRole.Member), CountOf(MembershipRole.Observer),
            current,
            memberships.Where(m => m.HasEnded(today)).OrderByDescending(m => m.LeftOn).ThenBy(m => m.Process.Name, names).ToList(),
            chairTerms.OrderByDescending(t => t.StartYear).ThenBy(t => t.StartsOn == null).ThenByDescending(t => t.StartsOn).ToList());
    }
}
