using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Manage;

/// <summary>A state or organisation to pick in a form.</summary>
public sealed record Choice(string Value, string Label);

public static class Choices
{
    /// <summary>Every state, named in the reader's language and sorted as that language sorts.</summary>
    public static async Task<IReadOnlyList<Choice>> StatesAsync(AppDbContext db, CancellationToken ct = default)
    {
        var states = await db.States.AsNoTracking().ToListAsync(ct);
        return Sorted(states.Select(s => new Choice(s.Code, s.Name(Cultures.Current))));
    }

    public static async Task<IReadOnlyList<Choice>> OrganizationsAsync(AppDbContext db, CancellationToken ct = default)
    {
        var organizations = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Id, o.Name, o.Acronym })
            .ToListAsync(ct);
        return Sorted(organizations.Select(o => new Choice(o.Id.ToString(CultureInfo.InvariantCulture), Holder.OrganizationLabel(o.Name, o.Acronym))));
    }

    public static IReadOnlyList<Choice> Sorted(IEnumerable<Choice> choices) =>
        choices.OrderBy(c => c.Label, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ToList();
}

/// <summary>Who holds a membership, a chair or a seat in a body: a state or an organisation.</summary>
public static class Holder
{
    public static string OrganizationLabel(string name, string? acronym) =>
        acronym is null || name.Contains(acronym, StringComparison.Ordinal) ? name : $"{name} ({acronym})";

    public static string Label(State? state, Organization? organization) =>
        state?.Name(Cultures.Current) ?? (organization is null ? "" : OrganizationLabel(organization.Name, organization.Acronym));
}

/// <summary>The labels of the model's enumerations in the reader's language.</summary>
public static class ManageLabels
{
    public static string Label(this IStringLocalizer<ManageText> t, MembershipRole role) => role switch
    {
        MembershipRole.Member => t["Member"],
        MembershipRole.Observer => t["Observer"],
        MembershipRole.TechnicalSecretariat => t["Technical secretariat"],
        MembershipRole.HostsSecretariat => t["Hosts the secretariat"],
        MembershipRole.SupportProject => t["Runs a support project"],
        _ => role.ToString(),
    };

    public static string Label(this IStringLocalizer<ManageText> t, ProcessKind kind) => kind switch
    {
        ProcessKind.RegionalConsultativeProcess => t["Regional consultative process"],
        ProcessKind.InterRegionalForum => t["Inter-regional forum"],
        ProcessKind.GlobalProcess => t["Global process"],
        _ => kind.ToString(),
    };

    public static string Label(this IStringLocalizer<ManageText> t, ProcessStatus status) => status switch
    {
        ProcessStatus.Active => t["Active"],
        ProcessStatus.Emerging => t["Emerging"],
        ProcessStatus.Dormant => t["Dormant"],
        _ => status.ToString(),
    };

    public static string Label(this IStringLocalizer<ManageText> t, BodyKind kind) => kind switch
    {
        BodyKind.SteeringCommittee => t["Steering committee"],
        BodyKind.WorkingGroup => t["Working group"],
        BodyKind.ExpertGroup => t["Expert group"],
        _ => kind.ToString(),
    };

    /// <summary>A date in the reader's culture; "" when not known.</summary>
    public static string Date(DateOnly? date) => RcpHub.Infrastructure.Localization.Dates.Day(date);
}
