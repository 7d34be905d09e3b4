using Microsoft.EntityFrameworkCore;
using RcpHub.Data;

namespace RcpHub.Features.Invitations;

/// <summary>The process a management page of this feature is about, named by its <c>{slug}</c>.</summary>
public sealed record ManagedProcess(int Id, string Slug, string Acronym, string Name)
{
    public static Task<ManagedProcess?> FindAsync(AppDbContext db, string slug, CancellationToken ct = default) =>
        db.Processes.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new ManagedProcess(p.Id, p.Slug, p.Acronym, p.Name))
            .FirstOrDefaultAsync(ct);
}

/// <summary>What the invitation list partial shows.</summary>
public sealed record InvitationList(IReadOnlyList<InvitationRow> Rows, IReadOnlyDictionary<string, string> StateNames, DateTimeOffset Now, bool ShowProcess);
