using Microsoft.AspNetCore.Identity;

namespace RcpHub.Domain;

public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public bool IsPlatformAdministrator { get; set; }

    /// <summary>Marks accounts created by the <c>--demo</c> loader.</summary>
    public bool IsDemo { get; set; }

    /// <summary>The IANA zone the person reads times in (set on their account page); null shows venue times and UTC.</summary>
    public string? TimeZoneId { get; set; }
    /// <summary>The language mail to this person is written in (one of Cultures.Supported), whoever sends it.</summary>
    public string PreferredLanguage { get; set; } = "en";
}

/// <summary>Roles a person holds within one process.</summary>
public enum ProcessRole
{
    Secretariat,
    Chair,
    FocalPoint,
    Observer,
    CivilSociety,
}

/// <summary>A person's role in a process. A focal point is tied to a state and a ministry.</summary>
public sealed class ProcessRoleAssignment : IBelongsToProcess
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }
    public ProcessRole Role { get; set; }
    public string? StateCode { get; set; }
    public string? Ministry { get; set; }
    public int? OrganizationId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>An emailed invitation to sign up with a role. Only a hash of the token is stored.</summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public int? ProcessId { get; set; }
    public Process? Process { get; set; }
    public ProcessRole? Role { get; set; }
    public bool AsPlatformAdministrator { get; set; }
    public string? StateCode { get; set; }
    public string? Ministry { get; set; }
    public int? OrganizationId { get; set; }

    /// <summary>The language the invitation mail is written in, and the new account's preferred language.</summary>
    public string Language { get; set; } = "en";
    public required string TokenHash { get; set; }
    public required string InvitedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}
