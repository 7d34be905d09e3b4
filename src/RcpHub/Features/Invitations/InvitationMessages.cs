using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace RcpHub.Features.Invitations;

/// <summary>What the two invitation pages (a process's and the administrators') say after an action.</summary>
public static class InvitationMessages
{
    public static string Sent(Inviter.Outcome outcome, IStringLocalizer<InvitationsText> t) => outcome.EmailSent
        ? t["Invitation sent to {0}.", outcome.Invitation!.Email]
        : t["The invitation to {0} is saved, but the email could not be sent. Revoke it and try again later.", outcome.Invitation!.Email];

    public static string Revoked(Inviter.RevokeOutcome outcome, IStringLocalizer<InvitationsText> t) => outcome switch
    {
        Inviter.RevokeOutcome.Revoked => t["The invitation has been revoked: its link no longer works."],
        Inviter.RevokeOutcome.NotPending => t["This invitation has already been accepted: revoke the role on the People page instead."],
        _ => t["This invitation no longer exists."],
    };

    /// <summary>Puts the inviter's field errors beside the form's fields ("Input.Email"...), renaming where the form names a field differently.</summary>
    public static void AddTo(ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, Func<string, string>? fieldName = null)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError($"Input.{fieldName?.Invoke(field) ?? field}", message);
            }
        }
    }
}
