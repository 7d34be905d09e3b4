using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Localization;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Invitations;

/// <summary>What an inviter asks for: an email and either a role in a process or platform administration.</summary>
public sealed record InvitationRequest(string? Email, ProcessRole? Role, string? StateCode, string? Ministry, bool AsPlatformAdministrator = false, string? Language = null);

public enum InvitationStatus
{
    Pending,
    Accepted,
    Expired,
}

/// <summary>One invitation as listed to inviters.</summary>
public sealed record InvitationRow(
    int Id, string Email, string? ProcessSlug, string? ProcessAcronym, ProcessRole? Role, bool AsPlatformAdministrator,
    string? StateCode, string? Ministry, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt)
{
    public InvitationStatus StatusAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationStatus.Accepted : ExpiresAt <= now ? InvitationStatus.Expired : InvitationStatus.Pending;
}

/// <summary>Invites people by email and turns an accepted invitation into a role. Pages and the API of this
/// feature share it, so that an invitation is validated and sent the same way whoever asks.
/// The emailed token is 32 random bytes; only its SHA-256 hash is stored, so a copy of the database cannot accept invitations.</summary>
public sealed class Inviter(
    AppDbContext db, EmailSender mail, TimeProvider clock, IStringLocalizer<InvitationsText> t,
    IConfiguration configuration, SharedCounters counters, SharedLimits limits, ILogger<Inviter> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>The outcome of <see cref="InviteAsync"/>: field errors, or the invitation and whether its email left; or,
    /// past the inviter's limit of invitation mails, how long to wait.</summary>
    public sealed record Outcome(IReadOnlyDictionary<string, string[]> Errors, InvitationRow? Invitation, bool EmailSent, TimeSpan? RetryAfter = null);

    private static readonly Expression<Func<Invitation, InvitationRow>> AsRow = i => new InvitationRow(
        i.Id, i.Email, i.Process!.Slug, i.Process.Acronym, i.Role, i.AsPlatformAdministrator, i.StateCode, i.Ministry, i.CreatedAt, i.ExpiresAt, i.AcceptedAt);

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Field errors keyed by <see cref="InvitationRequest"/> property name; empty when the request is valid.</summary>
    public async Task<Dictionary<string, string[]>> ValidateAsync(int? processId, InvitationRequest request, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var email = request.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors[nameof(request.Email)] = [t["Enter the email address of the person to invite."]];
        }
        else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email) || !MailAddress.TryCreate(email, out _))
        {
            errors[nameof(request.Email)] = [t["Enter a valid email address."]];
        }
        if (request.Language is not null && !Cultures.Supported.Contains(request.Language))
        {
            errors[nameof(request.Language)] = [t["Choose one of the languages offered."]];
        }
        if (request.AsPlatformAdministrator)
        {
            return errors;
        }
        if (processId is null)
        {
            errors["Process"] = [t["Choose the process."]];
            return errors;
        }
        if (request.Role is not { } role || !Enum.IsDefined(role))
        {
            errors[nameof(request.Role)] = [t["Choose a role."]];
            return errors;
        }
        if (role == ProcessRole.FocalPoint)
        {
            var today = clock.Today();
            var members = await ProcessRoles.CurrentMemberStatesAsync(db, processId.Value, today, ct);
            if (string.IsNullOrWhiteSpace(request.StateCode))
            {
                errors[nameof(request.StateCode)] = [t["A focal point represents a member state: choose it."]];
            }
            else if (!members.Any(m => m.Code == request.StateCode))
            {
                errors[nameof(request.StateCode)] = [t["This state is not a current member of the process."]];
            }
            if (string.IsNullOrWhiteSpace(request.Ministry))
            {
                errors[nameof(request.Ministry)] = [t["Enter the ministry or institution the focal point works for."]];
            }
            else if (request.Ministry.Trim().Length > 200)
            {
                errors[nameof(request.Ministry)] = [t["Use at most 200 characters."]];
            }
        }
        if (!errors.ContainsKey(nameof(request.Email)) && await AlreadyInvitedOrHoldsAsync(processId.Value, email, role, ct) is { } duplicate)
        {
            errors[nameof(request.Email)] = [duplicate];
        }
        return errors;
    }

    private async Task<string?> AlreadyInvitedOrHoldsAsync(int processId, string email, ProcessRole role, CancellationToken ct)
    {
        var lower = email.ToLowerInvariant();
        var holds = await db.ProcessRoleAssignments.AnyAsync(a =>
            a.ProcessId == processId && a.Role == role && a.RevokedAt == null && a.User!.Email!.ToLower() == lower, ct);
        if (holds)
        {
            return t["This person already holds this role in the process."];
        }
        var open = await db.Invitations
            .Where(i => i.ProcessId == processId && i.Role == role && i.AcceptedAt == null && i.Email.ToLower() == lower)
            .Select(i => i.ExpiresAt)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return open.Any(expires => expires > now) ? t["A pending invitation to this role has already been sent to this address."].Value : null;
    }

    /// <summary>Validates, saves the invitation and emails its link in the current request's language.</summary>
    public async Task<Outcome> InviteAsync(AddressedProcess? process, InvitationRequest request, string invitedByUserId, string inviterName, CancellationToken ct = default)
    {
        var processId = request.AsPlatformAdministrator ? null : process?.Id;
        var errors = await ValidateAsync(processId, request, ct);
        if (errors.Count > 0)
        {
            return new Outcome(errors, null, false);
        }
        // Counted in the database: an account used to send mail to strangers meets the same limit on every instance.
        if (await counters.HitAsync(limits.InvitationMails, invitedByUserId, ct) is { } wait)
        {
            return new Outcome(errors, null, false, wait);
        }
        var focalPoint = !request.AsPlatformAdministrator && request.Role == ProcessRole.FocalPoint;
        var token = NewToken();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Email = request.Email!.Trim(),
            ProcessId = processId,
            Role = request.AsPlatformAdministrator ? null : request.Role,
            AsPlatformAdministrator = request.AsPlatformAdministrator,
            StateCode = focalPoint ? request.StateCode : null,
            Ministry = focalPoint ? request.Ministry!.Trim() : null,
            Language = request.Language ?? Cultures.Current,
            TokenHash = Hash(token),
            InvitedByUserId = invitedByUserId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);

        var invitedTo = processId is null ? null : process;
        var sent = await SendAsync(invitation, token, inviterName, invitedTo?.Name, ct);
        var row = new InvitationRow(invitation.Id, invitation.Email, invitedTo?.Slug, invitedTo?.Acronym, invitation.Role, invitation.AsPlatformAdministrator,
            invitation.StateCode, invitation.Ministry, invitation.CreatedAt, invitation.ExpiresAt, null);
        return new Outcome(errors, row, sent);
    }

    private async Task<bool> SendAsync(Invitation invitation, string token, string inviterName, string? processName, CancellationToken ct)
    {
        var link = PublicLinks.To(configuration, $"/account/accept-invitation?token={Uri.EscapeDataString(token)}");
        // In the invitee's language (chosen by the inviter), not the inviter's.
        using var language = MailLanguage.Use(invitation.Language);
        var what = invitation.AsPlatformAdministrator
            ? t["{0} invites you to become an administrator of RcpHub, the platform of the Regional Consultative Processes on migration.", inviterName]
            : t["{0} invites you to take part in {1} on RcpHub as {2}.", inviterName, processName ?? "", ProcessRoles.Label(invitation.Role!.Value, t)];
        var body = string.Join("\n\n",
            t["Hello,"],
            what,
            t["To accept, open this link within {0} days. If you have no account yet, you will choose your name and a password.", (int)Lifetime.TotalDays],
            link,
            t["If you did not expect this invitation, you can ignore this email."]);
        var subject = processName is null ? t["Your invitation to RcpHub"] : t["Your invitation to {0} on RcpHub", processName];
        try
        {
            await mail.SendAsync(invitation.Email, subject, body, ct);
            return true;
        }
        catch (MailNotSentException e)
        {
            logger.LogError(e, "The invitation email {InvitationId} could not be sent", invitation.Id);
            return false;
        }
    }

    /// <summary>Lists invitations, newest first: of one process, or of the whole platform when <paramref name="processId"/> is null.</summary>
    public async Task<List<InvitationRow>> ListAsync(int? processId, int limit, CancellationToken ct = default)
    {
        var query = db.Invitations.AsNoTracking();
        if (processId is not null)
        {
            query = query.Where(i => i.ProcessId == processId);
        }
        // Ids grow with time, and ordering by DateTimeOffset is not portable to SQLite.
        return await query.OrderByDescending(i => i.Id).Take(limit)
            .Select(AsRow)
            .ToListAsync(ct);
    }

    public Task<InvitationRow?> FindRowAsync(int processId, int invitationId, CancellationToken ct = default) =>
        db.Invitations.AsNoTracking().Where(i => i.Id == invitationId && i.ProcessId == processId)
            .Select(AsRow)
            .FirstOrDefaultAsync(ct);

    public enum RevokeOutcome
    {
        Revoked,
        NotFound,
        NotPending,
    }

    /// <summary>Withdraws a pending invitation: its row is deleted (the audit log keeps what it was), so its link stops working.</summary>
    public async Task<RevokeOutcome> RevokeAsync(int? processId, int invitationId, CancellationToken ct = default)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && (processId == null || i.ProcessId == processId), ct);
        if (invitation is null)
        {
            return RevokeOutcome.NotFound;
        }
        if (invitation.AcceptedAt is not null)
        {
            return RevokeOutcome.NotPending;
        }
        db.Invitations.Remove(invitation);
        await db.SaveChangesAsync(ct);
        return RevokeOutcome.Revoked;
    }

    /// <summary>Finds an invitation by the token from its link.</summary>
    public async Task<Invitation?> FindAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        var hash = Hash(token);
        return await db.Invitations.Include(i => i.Process).FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    public InvitationStatus StatusOf(Invitation invitation) =>
        invitation.AcceptedAt is not null ? InvitationStatus.Accepted : invitation.ExpiresAt <= clock.GetUtcNow() ? InvitationStatus.Expired : InvitationStatus.Pending;

    /// <summary>Turns the invitation into the role (or administration) for <paramref name="user"/>, once: a second
    /// acceptance, even a simultaneous one, finds the invitation already claimed and returns false.</summary>
    public async Task<bool> AcceptAsync(Invitation invitation, AppUser user, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
        if (claimed == 0)
        {
            return false;
        }
        // Set again on the tracked entity so that the audit log records the acceptance.
        invitation.AcceptedAt = now;
        if (invitation.AsPlatformAdministrator)
        {
            user.IsPlatformAdministrator = true;
        }
        else if (invitation is { ProcessId: { } processId, Role: { } role })
        {
            db.ProcessRoleAssignments.Add(new ProcessRoleAssignment
            {
                UserId = user.Id,
                ProcessId = processId,
                Role = role,
                StateCode = invitation.StateCode,
                Ministry = invitation.Ministry,
                OrganizationId = invitation.OrganizationId,
                GrantedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
