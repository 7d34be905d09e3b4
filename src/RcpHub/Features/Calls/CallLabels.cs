using Microsoft.Extensions.Localization;
using RcpHub.Domain;

namespace RcpHub.Features.Calls;

/// <summary>How the calls' states, methods, traits and outcomes are named on the pages.</summary>
public static class CallLabels
{
    public static string State(IStringLocalizer<CallsText> t, ParticipationCall call, DateTimeOffset now) =>
        call.ReportPublishedAt is not null ? t["Selection report published"]
        : call.DecidedAt is not null ? t["Selection decided"]
        : call.PublishedAt is null ? t["Draft, not published"]
        : call.Deadline > now ? t["Open for applications"]
        : t["Closed, selection under way"];

    public static string Method(IStringLocalizer<CallsText> t, SelectionMethod method) => method switch
    {
        SelectionMethod.FairLottery => t["Fair lottery among the applications that reach the threshold"],
        _ => t["Score-optimal: the highest total score that meets every target"],
    };

    public static string Trait(IStringLocalizer<CallsText> t, string trait) => trait switch
    {
        CallTraits.Route => t["Route"],
        CallTraits.Country => t["Country"],
        CallTraits.Region => t["Region"],
        CallTraits.Type => t["Type of organisation"],
        CallTraits.MigrantLed => t["Migrant-led"],
        CallTraits.Gender => t["Representative's gender"],
        CallTraits.FirstTime => t["First-time participant"],
        _ => trait,
    };

    public static string Outcome(IStringLocalizer<CallsText> t, ApplicationOutcome outcome) => outcome switch
    {
        ApplicationOutcome.Selected => t["Selected"],
        ApplicationOutcome.NotSelected => t["Not selected"],
        _ => t["Received, under review"],
    };

    public static string Gender(IStringLocalizer<CallsText> t, RepresentativeGender gender) => gender switch
    {
        RepresentativeGender.Female => t["Woman"],
        RepresentativeGender.Male => t["Man"],
        RepresentativeGender.NonBinary => t["Non-binary"],
        _ => t["Prefers not to say"],
    };

    public static string Type(IStringLocalizer<CallsText> t, CivilSocietyType type) => type switch
    {
        CivilSocietyType.Ngo => t["Non-governmental organisation"],
        CivilSocietyType.MigrantOrDiasporaAssociation => t["Migrant or diaspora association"],
        CivilSocietyType.TradeUnion => t["Trade union"],
        CivilSocietyType.FaithBased => t["Faith-based organisation"],
        CivilSocietyType.Academic => t["Academic institution"],
        CivilSocietyType.EmployersBody => t["Employers' body"],
        _ => t["Network"],
    };

    public static string Bound(IStringLocalizer<CallsText> t, CallTarget target) => Bound(t, target.Min, target.Max);

    public static string Bound(IStringLocalizer<CallsText> t, int? min, int? max) =>
        min is { } a && max is { } b ? (a == b ? t["exactly {0}", a] : t["from {0} to {1}", a, b])
        : min is { } m ? t["at least {0}", m]
        : t["at most {0}", max ?? 0];
}
