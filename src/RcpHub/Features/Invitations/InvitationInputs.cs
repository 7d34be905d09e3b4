using System.ComponentModel.DataAnnotations;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Invitations;

/// <summary>The fields every invitation form has. <see cref="Inviter.ValidateAsync"/> checks the rest
/// (the state is a current member of the process, no duplicate invitation).</summary>
public abstract class InvitationFields
{
    [Required(ErrorMessage = "Enter the email address of the person to invite.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Display(Name = "Member state (focal points only)")]
    public string? StateCode { get; set; }

    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Ministry or institution (focal points only)")]
    public string? Ministry { get; set; }

    /// <summary>The language the invitation is written in and the new account's mail language; the inviter's by default.</summary>
    [Display(Name = "Language of the invitation")]
    public string? Language { get; set; }
}

/// <summary>The invitation form of a process's secretariat.</summary>
public sealed class ProcessInvitationInput : InvitationFields
{
    [Required(ErrorMessage = "Choose a role.")]
    [Display(Name = "Role")]
    public ProcessRole? Role { get; set; }

    public InvitationRequest ToRequest() => new(Email, Role, StateCode, Ministry, Language: Language);
}

/// <summary>The administrators' invitation form: a platform administrator, or any role in any process.</summary>
public sealed class AdminInvitationInput : InvitationFields
{
    public const string PlatformAdministrator = "PlatformAdministrator";

    /// <summary><see cref="PlatformAdministrator"/> or the name of a <see cref="ProcessRole"/>.</summary>
    [Required(ErrorMessage = "Choose a role.")]
    [Display(Name = "Invite as")]
    public string InviteAs { get; set; } = "";

    [Display(Name = "Process (not for administrators)")]
    public string? ProcessSlug { get; set; }

    public bool AsPlatformAdministrator => InviteAs == PlatformAdministrator;

    public InvitationRequest ToRequest() =>
        new(Email, Enum.TryParse<ProcessRole>(InviteAs, out var role) && Enum.IsDefined(role) ? role : null, StateCode, Ministry, AsPlatformAdministrator, Language);
}
