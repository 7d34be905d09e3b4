using Microsoft.Extensions.Localization;
using RcpHub.Domain;

namespace RcpHub.Features.Delegations;

/// <summary>The names of the delegation feature's values, in the reader's language.</summary>
public sealed class DelegationLabels(IStringLocalizer<DelegationsText> t)
{
    public string Status(DelegationStatus status) => status switch
    {
        DelegationStatus.Confirmed => t["Confirmed"],
        DelegationStatus.Returned => t["Returned for correction"],
        _ => t["Registered, awaiting confirmation"],
    };

    public string Gender(Gender gender) => gender switch
    {
        Domain.Gender.Woman => t["Woman"],
        Domain.Gender.Man => t["Man"],
        Domain.Gender.Other => t["Other"],
        _ => t["Not stated"],
    };

    public string Mail(Infrastructure.Email.MailKind kind) => kind switch
    {
        Infrastructure.Email.MailKind.MeetingInvitation => t["Invitation to the meeting"],
        Infrastructure.Email.MailKind.MeetingCancelled => t["Cancellation"],
        Infrastructure.Email.MailKind.MeetingChanged => t["Change of time or place"],
        Infrastructure.Email.MailKind.MeetingReminder => t["Reminder"],
        Infrastructure.Email.MailKind.DelegationConfirmed => t["Delegation confirmed"],
        Infrastructure.Email.MailKind.DelegationReturned => t["Delegation returned"],
        Infrastructure.Email.MailKind.ReportAdopted => t["Report adopted"],
        _ => t["Document added"],
    };

    public string Category(MinistryCategory category) => category switch
    {
        MinistryCategory.InteriorOrPolice => t["Interior or police"],
        MinistryCategory.Immigration => t["Immigration"],
        MinistryCategory.Labour => t["Labour"],
        MinistryCategory.ForeignAffairs => t["Foreign affairs"],
        _ => t["Others"],
    };
}
