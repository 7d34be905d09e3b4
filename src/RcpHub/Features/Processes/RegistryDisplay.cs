using System.Globalization;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;

namespace RcpHub.Features.Processes;

/// <summary>How registry values read on a page, shared by the Processes, States, Organizations and Global
/// meetings pages: enum labels in the interface language, dates in the current culture, and
/// "Not known" for what no source says.</summary>
public static class RegistryDisplay
{
    public static string Label(this IStringLocalizer<ProcessesText> T, ProcessKind kind) => kind switch
    {
        ProcessKind.RegionalConsultativeProcess => T["Regional consultative process"],
        ProcessKind.InterRegionalForum => T["Inter-regional forum"],
        ProcessKind.GlobalProcess => T["Global process"],
        _ => kind.ToString(),
    };

    public static string Label(this IStringLocalizer<ProcessesText> T, ProcessStatus? status) => status switch
    {
        ProcessStatus.Active => T["Active"],
        ProcessStatus.Emerging => T["Emerging"],
        ProcessStatus.Dormant => T["Dormant"],
        null => T["Not known"],
        _ => status.Value.ToString(),
    };

    public static string Label(this IStringLocalizer<ProcessesText> T, MembershipRole role) => role switch
    {
        MembershipRole.Member => T["Member"],
        MembershipRole.Observer => T["Observer"],
        MembershipRole.TechnicalSecretariat => T["Technical secretariat"],
        MembershipRole.HostsSecretariat => T["Hosts the secretariat"],
        MembershipRole.SupportProject => T["Runs a support project"],
        _ => role.ToString(),
    };

    public static string Label(this IStringLocalizer<ProcessesText> T, BodyKind kind) => kind switch
    {
        BodyKind.SteeringCommittee => T["Steering committee"],
        BodyKind.WorkingGroup => T["Working group"],
        BodyKind.ExpertGroup => T["Expert group"],
        _ => kind.ToString(),
    };

    public static string Label(this IStringLocalizer<ProcessesText> T, OrganizationKind kind) => kind switch
    {
        OrganizationKind.InternationalOrganization => T["International organization"],
        OrganizationKind.RegionalOrganization => T["Regional organization"],
        OrganizationKind.CivilSociety => T["Civil society"],
        OrganizationKind.Other => T["Other"],
        _ => kind.ToString(),
    };

    /// <summary>The CSS class of a status badge; the colours are in site.css.</summary>
    public static string BadgeClass(ProcessStatus? status) => status is null ? "badge" : "badge " + status.Value.ToString().ToLowerInvariant();

    public static string OrNotKnown(this IStringLocalizer<ProcessesText> T, string? value) =>
        string.IsNullOrWhiteSpace(value) ? T["Not known"] : value;

    public static string OrNotKnown(this IStringLocalizer<ProcessesText> T, int? number) =>
        number is null ? T["Not known"] : number.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date in the current culture, e.g. "4 June 2009" or "4 juin 2009".</summary>
    public static string Date(DateOnly date) => RcpHub.Infrastructure.Localization.Dates.Day(date);

    /// <summary>"2019", "2019–2021", "4–5 June 2009" style periods from whatever is known.</summary>
    public static string Period(DateOnly? startsOn, DateOnly? endsOn, int? startYear = null, int? endYear = null)
    {
        var start = startsOn is { } s ? Date(s) : startYear?.ToString(CultureInfo.InvariantCulture);
        var end = endsOn is { } e ? Date(e) : endYear?.ToString(CultureInfo.InvariantCulture);
        return (start, end) switch
        {
            (null, null) => "",
            (_, null) => start!,
            (null, _) => "– " + end,
            _ when start == end => start!,
            _ => start + " – " + end,
        };
    }
}
