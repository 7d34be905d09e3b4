using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;

namespace RcpHub.Features.Meetings;

/// <summary>The words for the meeting vocabulary in the reader's language: levels, formats, statuses, and the
/// access marker every meeting item carries.</summary>
public sealed class MeetingLabels(IStringLocalizer<MeetingsText> t)
{
    public string Level(MeetingLevel level) => level switch
    {
        MeetingLevel.Expert => t["Expert"],
        MeetingLevel.SeniorOfficials => t["Senior Officials"],
        MeetingLevel.Ministerial => t["Ministerial"],
        _ => level.ToString(),
    };

    public string Format(MeetingFormat format) => format switch
    {
        MeetingFormat.RegularMeeting => t["Regular meeting"],
        MeetingFormat.Seminar => t["Seminar"],
        MeetingFormat.Roundtable => t["Roundtable"],
        MeetingFormat.Training => t["Training"],
        MeetingFormat.Workshop => t["Workshop"],
        MeetingFormat.ThematicMeeting => t["Thematic meeting"],
        MeetingFormat.GlobalRcpMeeting => t["Global RCP Meeting"],
        _ => format.ToString(),
    };

    public string Role(SessionRole role) => role switch
    {
        SessionRole.Chair => t["Chair"],
        SessionRole.CoChair => t["Co-chair"],
        SessionRole.Moderator => t["Moderator"],
        SessionRole.Speaker => t["Speaker"],
        SessionRole.Discussant => t["Discussant"],
        _ => role.ToString(),
    };

    public string Kind(OrganizationKind kind) => kind switch
    {
        OrganizationKind.InternationalOrganization => t["International organisation"],
        OrganizationKind.RegionalOrganization => t["Regional organisation"],
        OrganizationKind.CivilSociety => t["Civil society"],
        OrganizationKind.Other => t["Other"],
        _ => kind.ToString(),
    };

    public string Status(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => t["Planned"],
        MeetingStatus.InvitationsSent => t["Invitations sent"],
        MeetingStatus.Held => t["Held"],
        MeetingStatus.ReportAdopted => t["Report adopted"],
        MeetingStatus.Cancelled => t["Cancelled"],
        MeetingStatus.Postponed => t["Postponed"],
        _ => status.ToString(),
    };

    /// <summary>The short marker shown on every meeting item.</summary>
    public string Audience(MeetingAudience audience) => audience switch
    {
        MeetingAudience.MembersOnly => t["Members only"],
        MeetingAudience.MembersAndObservers => t["Members and observers"],
        MeetingAudience.ByInvitation => t["By invitation"],
        MeetingAudience.Public => t["Public"],
        _ => audience.ToString(),
    };

    /// <summary>Who that is, in a sentence.</summary>
    public string AudienceExplained(MeetingAudience audience) => audience switch
    {
        MeetingAudience.MembersOnly => t["Only the secretariat, the chair and the focal points of the member states of the process see this meeting."],
        MeetingAudience.MembersAndObservers => t["The secretariat, the chair, the focal points of the member states and the observers of the process see this meeting."],
        MeetingAudience.ByInvitation => t["Only the organisers and the invited states, organisations and persons see this meeting."],
        MeetingAudience.Public => t["Everyone sees this meeting, without signing in."],
        _ => audience.ToString(),
    };

    public string SummaryOnly => t["Public summary only"];

    public string Language(string code) => code switch
    {
        "en" => t["English"],
        "fr" => t["French"],
        "es" => t["Spanish"],
        "ru" => t["Russian"],
        "ar" => t["Arabic"],
        _ => code,
    };

    /// <summary>Encodes as the pages do (RcpHubHosting lets every script through unescaped), so that markup written in code
    /// is the same as Razor's.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The marker every meeting item carries: who may see it, and "public summary only" where that is all one
    /// sees. Written here rather than as a partial view: a page shows it many times (once per row of a list), and each
    /// partial costs more to render than the few bytes it writes.</summary>
    public IHtmlContent Marker(MeetingAudience audience, bool summaryOnly = false)
    {
        var e = Encoder;
        var html = $"<span class=\"{MarkerClass(audience)}\" title=\"{e.Encode(AudienceExplained(audience))}\">{e.Encode(Audience(audience))}</span>";
        return new HtmlString(summaryOnly ? $"{html} <span class=\"access summary\">{e.Encode(SummaryOnly)}</span>" : html);
    }

    /// <summary>CSS class of the marker, by audience: restricted markers stand out from public ones.</summary>
    public static string MarkerClass(MeetingAudience audience) => audience switch
    {
        MeetingAudience.Public => "access public",
        MeetingAudience.ByInvitation => "access invitation",
        _ => "access members",
    };
}
