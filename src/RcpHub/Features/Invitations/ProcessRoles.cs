using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Invitations;

/// <summary>How roles and states are named on the pages and in emails that show who holds what.</summary>
public static class ProcessRoles
{
    public static string Label(ProcessRole role, IStringLocalizer<InvitationsText> t) => role switch
    {
        ProcessRole.Secretariat => t["Secretariat"],
        ProcessRole.Chair => t["Chair"],
        ProcessRole.FocalPoint => t["Member-state focal point"],
        ProcessRole.Observer => t["Observer"],
        ProcessRole.CivilSociety => t["Civil society participant"],
        _ => role.ToString(),
    };

    public static string PlatformAdministratorLabel(IStringLocalizer<InvitationsText> t) => t["Platform administrator"];

    /// <summary>The states that are members of the process today: the only ones a focal point can represent.</summary>
    public static async Task<List<(string Code, string Name)>> CurrentMemberStatesAsync(AppDbContext db, int processId, DateOnly today, CancellationToken ct = default)
    {
        var memberships = await db.Memberships.AsNoTracking().Include(m => m.State)
            .Where(m => m.ProcessId == processId && m.Role == MembershipRole.Member && m.StateCode != null)
            .ToListAsync(ct);
        var language = Cultures.Current;
        return memberships
            .Where(m => m.IsCurrent(today))
            .Select(m => (Code: m.StateCode!, Name: m.State!.Name(language)))
            .DistinctBy(m => m.Code)
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
