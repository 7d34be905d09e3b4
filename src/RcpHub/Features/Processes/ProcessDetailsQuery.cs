using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Processes;

public sealed record SourceLink(string Url, bool IsPrimary);

/// <param name="Basis">Stated, or inferred from an "incoming" or a "host" statement (see <paramref name="SourceUrl"/>).</param>
/// <param name="SourceUrl">Where the statement comes from; null for a term the secretariat entered.</param>
public sealed record ChairTermView(StateRef? State, OrganizationRef? Organization, int StartYear, DateOnly? StartsOn, int? EndYear, DateOnly? EndsOn, string? Note,
    ChairTermBasis Basis, string? SourceUrl);

public sealed record ScheduledChairView(StateRef State, DateOnly StartsOn, DateOnly EndsOn);

public sealed record BodyMemberView(StateRef? State, OrganizationRef? Organization, bool IsChair, DateOnly? JoinedOn, DateOnly? LeftOn);

public sealed record BodyView(BodyKind Kind, string Name, string? Mandate, DateOnly? EstablishedOn, DateOnly? DissolvedOn, IReadOnlyList<BodyMemberView> Members);

/// <summary>Every public fact of one process, for its page and for GET /api/v1/processes/{slug}.
/// Null means that no source says (shown as "Not known").</summary>
public sealed record ProcessDetails
{
    [JsonIgnore]
    public int Id { get; init; }

    public required string Slug { get; init; }
    public required string Acronym { get; init; }
    public required string Name { get; init; }
    public ProcessKind Kind { get; init; }
    public required string Region { get; init; }
    public ProcessStatus? Status { get; init; }
    public string? StatusNote { get; init; }
    public int? FoundedYear { get; init; }
    public string? FormalInstitution { get; init; }
    public required IReadOnlyList<string> Themes { get; init; }
    public string? SecretariatDescription { get; init; }
    public string? ChairDescription { get; init; }
    public string? IomRole { get; init; }
    public string? Notes { get; init; }
    public int? ChairTermMonths { get; init; }

    /// <summary>Null when no source lists the member states (unknown, not none).</summary>
    public required IReadOnlyList<Participation>? MemberStates { get; init; }
    public required IReadOnlyList<Participation> ObserverStates { get; init; }
    public required IReadOnlyList<Participation> MemberOrganizations { get; init; }
    public required IReadOnlyList<Participation> ObserverOrganizations { get; init; }

    /// <summary>Organizations that run, host or support the secretariat.</summary>
    public required IReadOnlyList<Participation> SecretariatOrganizations { get; init; }

    /// <summary>Memberships (any role) that ended on or before today, newest departure first.</summary>
    public required IReadOnlyList<Participation> Former { get; init; }

    /// <summary>Newest first.</summary>
    public required IReadOnlyList<ChairTermView> ChairHistory { get; init; }

    public required IReadOnlyList<StateRef> ChairRotationOrder { get; init; }

    /// <summary>Future chairs from the rotation order, starting with the term that is running today; empty
    /// without a rotation order, a term length or a known term to start from.</summary>
    public required IReadOnlyList<ScheduledChairView> ChairSchedule { get; init; }

    public required IReadOnlyList<BodyView> Bodies { get; init; }

    /// <summary>Primary source first.</summary>
    public required IReadOnlyList<SourceLink> Sources { get; init; }
}

/// <summary>Loads a <see cref="ProcessDetails"/> in five SQL queries whatever the number of members, terms or bodies.</summary>
public static class ProcessDetailsQuery
{
    private static readonly MembershipRole[] SecretariatRoles = [MembershipRole.TechnicalSecretariat, MembershipRole.HostsSecretariat, MembershipRole.SupportProject];

    public static async Task<ProcessDetails?> LoadAsync(AppDbContext db, AddressedProcess addressed, string language, DateOnly today, CancellationToken ct)
    {
        var process = await db.Processes.AsNoTracking()
            .Where(p => p.Id == addressed.Id)
            .Select(p => new
            {
                p.Id, p.Slug, p.Acronym, p.Name, p.Kind, p.Region, p.Status, p.StatusNote, p.FoundedYear, p.FormalInstitution,
                p.SecretariatDescription, p.ChairDescription, p.IomRole, p.Notes, p.ChairTermMonths, p.MemberStatesKnown,
                Themes = p.Themes.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                Sources = p.Sources.OrderByDescending(s => s.IsPrimary).ThenBy(s => s.Id).Select(s => new SourceLink(s.Url, s.IsPrimary)).ToList(),
            })
            // One query: a dozen themes times a few sources is a small join, cheaper than a round trip each.
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        if (process is null)
        {
            return null;
        }

        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.ProcessId == process.Id)
            .Select(m => new Participation(m.Role, StateRef.From(m.State, language), OrganizationRef.From(m.Organization), m.JoinedOn, m.LeftOn, m.Note))
            .ToListAsync(ct);
        var chairTerms = await db.ChairTerms.AsNoTracking()
            .Where(t => t.ProcessId == process.Id)
            .Select(t => new ChairTermView(StateRef.From(t.State, language), OrganizationRef.From(t.Organization), t.StartYear, t.StartsOn, t.EndYear, t.EndsOn, t.Note, t.Basis, t.SourceUrl))
            .ToListAsync(ct);
        var rotation = await db.ChairRotationSlots.AsNoTracking()
            .Where(s => s.ProcessId == process.Id)
            .OrderBy(s => s.Position)
            .Select(s => StateRef.From(s.State, language)!)
            .ToListAsync(ct);
        var bodies = await db.Bodies.AsNoTracking()
            .Where(b => b.ProcessId == process.Id)
            .Select(b => new BodyView(b.Kind, b.Name, b.Mandate, b.EstablishedOn, b.DissolvedOn,
                b.Members.Select(m => new BodyMemberView(StateRef.From(m.State, language), OrganizationRef.From(m.Organization), m.IsChair, m.JoinedOn, m.LeftOn)).ToList()))
            .ToListAsync(ct);

        var names = RegistrySorting.Names;
        var current = memberships.Where(m => !m.HasEnded(today)).OrderBy(m => m.Name, names).ToList();
        List<Participation> Current(MembershipRole role, bool states) => current.Where(m => m.Role == role && (m.State is not null) == states).ToList();
        chairTerms = chairTerms.OrderByDescending(t => t.StartYear).ThenBy(t => t.StartsOn == null).ThenByDescending(t => t.StartsOn).ToList();

        return new ProcessDetails
        {
            Id = process.Id,
            Slug = process.Slug,
            Acronym = process.Acronym,
            Name = process.Name,
            Kind = process.Kind,
            Region = process.Region,
            Status = process.Status,
            StatusNote = process.StatusNote,
            FoundedYear = process.FoundedYear,
            FormalInstitution = process.FormalInstitution,
            Themes = process.Themes,
            SecretariatDescription = process.SecretariatDescription,
            ChairDescription = process.ChairDescription,
            IomRole = process.IomRole,
            Notes = process.Notes,
            ChairTermMonths = process.ChairTermMonths,
            MemberStates = process.MemberStatesKnown ? Current(MembershipRole.Member, states: true) : null,
            ObserverStates = Current(MembershipRole.Observer, states: true),
            MemberOrganizations = Current(MembershipRole.Member, states: false),
            ObserverOrganizations = Current(MembershipRole.Observer, states: false),
            SecretariatOrganizations = current.Where(m => SecretariatRoles.Contains(m.Role)).OrderBy(m => m.Role).ToList(),
            Former = memberships.Where(m => m.HasEnded(today)).OrderByDescending(m => m.LeftOn).ThenBy(m => m.Name, names).ToList(),
            ChairHistory = chairTerms,
            ChairRotationOrder = rotation,
            ChairSchedule = Schedule(rotation, process.ChairTermMonths, chairTerms.FirstOrDefault(), today),
            Bodies = bodies
                .Select(b => b with { Members = b.Members.OrderByDescending(m => m.IsChair).ThenBy(m => m.State?.Name ?? m.Organization?.Name, names).ToList() })
                .OrderBy(b => b.Kind).ThenBy(b => b.Name, names).ToList(),
            Sources = process.Sources,
        };
    }

    /// <summary>One full round of the order after the newest recorded term (<see cref="ChairRotation.Upcoming"/>).</summary>
    private static List<ScheduledChairView> Schedule(List<StateRef> order, int? termMonths, ChairTermView? latest, DateOnly today)
    {
        // A year outside the calendar's comfortable range would overflow the date arithmetic below.
        if (order.Count == 0 || termMonths is not { } months || months < 1 || latest is null || latest.StartYear is < 1900 or > 2200)
        {
            return [];
        }
        var byCode = order.DistinctBy(s => s.Code).ToDictionary(s => s.Code);
        return ChairRotation.Upcoming(order.Select(s => s.Code).ToList(), latest.State?.Code, latest.StartsOn ?? new DateOnly(latest.StartYear, 1, 1),
                latest.EndsOn, months, today, order.Count)
            .Select(t => new ScheduledChairView(byCode[t.StateCode], t.StartsOn, t.EndsOn))
            .ToList();
    }
}
