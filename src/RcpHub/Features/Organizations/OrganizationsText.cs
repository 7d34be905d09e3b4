using Microsoft.Extensions.Localization;
using RcpHub.Domain;

namespace RcpHub.Features.Organizations;

/// <summary>Marker for the strings of the Organizations feature; translations live beside it in OrganizationsText.{fr,es,ru,ar}.resx.</summary>
public sealed class OrganizationsText;

/// <summary>The civil society registry's choices in the reader's language.</summary>
public static class RegistryLabels
{
    public static string Label(this IStringLocalizer<OrganizationsText> t, CivilSocietyType type) => type switch
    {
        CivilSocietyType.Ngo => t["NGO"],
        CivilSocietyType.MigrantOrDiasporaAssociation => t["Migrant or diaspora association"],
        CivilSocietyType.TradeUnion => t["Trade union"],
        CivilSocietyType.FaithBased => t["Faith-based organisation"],
        CivilSocietyType.Academic => t["Academic institution"],
        CivilSocietyType.EmployersBody => t["Employers' body"],
        CivilSocietyType.Network => t["Network"],
        _ => type.ToString(),
    };

    public static string Label(this IStringLocalizer<OrganizationsText> t, VerificationStatus status) => status switch
    {
        VerificationStatus.Pending => t["Not yet verified"],
        VerificationStatus.Verified => t["Verified by a secretariat"],
        VerificationStatus.Declined => t["Verification declined"],
        _ => status.ToString(),
    };
}
