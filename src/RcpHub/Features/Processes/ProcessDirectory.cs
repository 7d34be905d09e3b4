using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Processes;

/// <summary>One line of the directory. <see cref="MemberStates"/> is null when no source lists the members, which is
/// not the same as a known 0.</summary>
public sealed record ProcessSummary(
    string Slug, string Acronym, string Name, ProcessKind Kind, string Region, ProcessStatus? Status, int? FoundedYear,
    int? MemberStates, int ObserverStates);

/// <summary>The reads behind /processes and /api/v1/processes: one SQL query for the list, whatever its length.</summary>
public static class ProcessDirectory
{
    public static Task<List<ProcessSummary>> ListAsync(AppDbContext db, ProcessFilter filter, DateOnly today, CancellationToken ct)
    {
        var currentStates = db.Memberships.CurrentOn(today).Where(m => m.StateCode != null);
        return filter.Apply(db.Processes.AsNoTracking())
            .OrderBy(p => p.Name)
            .Select(p => new ProcessSummary(
                p.Slug, p.Acronym, p.Name, p.Kind, p.Region, p.Status, p.FoundedYear,
                p.MemberStatesKnown ? currentStates.Count(m => m.ProcessId == p.Id && m.Role == MembershipRole.Member) : null,
                currentStates.Count(m => m.ProcessId == p.Id && m.Role == MembershipRole.Observer)))
            .ToListAsync(ct);
    }

    public static Task<List<string>> RegionsAsync(AppDbContext db, CancellationToken ct) =>
        db.Processes.AsNoTracking().Select(p => p.Region).Distinct().OrderBy(r => r).ToListAsync(ct);

    public static Task<List<string>> ThemesAsync(AppDbContext db, CancellationToken ct) =>
        db.Themes.AsNoTracking().Where(t => t.Processes.Any()).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
}
