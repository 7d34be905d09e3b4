using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Manage;

public sealed class MembershipInput
{
    public string? StateCode { get; set; }
    public int? OrganizationId { get; set; }
    public MembershipRole? Role { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public string? Note { get; set; }
}

public sealed class EndMembershipInput
{
    public DateOnly? LeftOn { get; set; }
}

public sealed class ChangeToMemberInput
{
    /// <summary>The day the observer becomes a member: its observer membership ends and its membership begins.</summary>
    public DateOnly? On { get; set; }
}

/// <summary>One membership, current or past, as the secretariat sees it.</summary>
public sealed record MembershipRow(
    int Id, string? StateCode, string? StateName, int? OrganizationId, string? OrganizationName, MembershipRole Role,
    DateOnly? JoinedOn, DateOnly? LeftOn, string? Note, bool IsCurrent, bool HasEnded);

/// <summary>Adds and ends memberships. An ended membership keeps its row with its leave date, so that the
/// past stays visible; nothing here deletes a membership.</summary>
public sealed class MembershipCommands(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<MembershipRow>> ListAsync(int processId, int? membershipId = null, CancellationToken ct = default)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.ProcessId == processId && (membershipId == null || m.Id == membershipId))
            .Select(m => new { m.Id, m.StateCode, m.State, m.OrganizationId, m.Organization, m.Role, Part = m })
            .ToListAsync(ct);
        var today = Today;
        return rows
            .Select(m => new MembershipRow(m.Id, m.StateCode, m.State?.Name(Cultures.Current), m.OrganizationId,
                m.Organization is null ? null : Holder.OrganizationLabel(m.Organization.Name, m.Organization.Acronym),
                m.Role, m.Part.JoinedOn, m.Part.LeftOn, m.Part.Note, m.Part.IsCurrent(today), m.Part.HasEnded(today)))
            .OrderBy(m => m.StateName ?? m.OrganizationName, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true))
            .ThenBy(m => m.JoinedOn)
            .ToList();
    }

    public async Task<Outcome> AddAsync(int processId, MembershipInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var code = await errors.HolderAsync(t, db, input.StateCode, input.OrganizationId,
            nameof(MembershipInput.StateCode), nameof(MembershipInput.OrganizationId), ct);
        errors.Defined(t, nameof(MembershipInput.Role), input.Role);
        if (code is not null && input.Role is not (null or MembershipRole.Member or MembershipRole.Observer))
        {
            errors.Add(nameof(MembershipInput.Role), t["A state takes part as a member or as an observer."]);
        }
        if (input.JoinedOn is null)
        {
            errors.Add(nameof(MembershipInput.JoinedOn), t["Enter the date it joined."]);
        }
        errors.MaxLength(t, nameof(MembershipInput.Note), input.Note, Checks.NoteLength);
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }

        var role = input.Role!.Value;
        var today = Today;
        var currentRoles = await db.Memberships
            .Where(m => m.ProcessId == processId && (code != null ? m.StateCode == code : m.OrganizationId == input.OrganizationId))
            .CurrentOn(today)
            .Select(m => m.Role)
            .ToListAsync(ct);
        var holderField = code is null ? nameof(MembershipInput.OrganizationId) : nameof(MembershipInput.StateCode);
        if (currentRoles.Contains(role))
        {
            errors.Add(holderField, t["It already takes part in this process in this role."]);
        }
        else if (code is not null && currentRoles.Count > 0)
        {
            // A state is a member or an observer, not both; becoming a member is its own action, which ends the observer row.
            errors.Add(holderField, t["This state already takes part in this process in another role: end that membership first, or change the observer to a member."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }

        var membership = new Membership
        {
            ProcessId = processId,
            StateCode = code,
            OrganizationId = code is null ? input.OrganizationId : null,
            Role = role,
            JoinedOn = input.JoinedOn,
            Note = Checks.Trimmed(input.Note),
        };
        db.Memberships.Add(membership);
        if (role == MembershipRole.Member && code is not null)
        {
            await MarkMemberStatesKnownAsync(processId, ct);
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(membership.Id);
    }

    /// <summary>Sets the leave date. A date in the future records a planned departure; the membership stays
    /// current until then, and its date may still be changed.</summary>
    public async Task<Outcome> EndAsync(int processId, int membershipId, EndMembershipInput input, CancellationToken ct = default)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.ProcessId == processId, ct);
        if (membership is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        if (membership.HasEnded(Today))
        {
            errors.Add(nameof(EndMembershipInput.LeftOn), t["This membership already ended on {0}.", ManageLabels.Date(membership.LeftOn)]);
        }
        else if (input.LeftOn is null)
        {
            errors.Add(nameof(EndMembershipInput.LeftOn), t["Enter the date it left."]);
        }
        else
        {
            errors.NotBefore(t, nameof(EndMembershipInput.LeftOn), input.LeftOn, membership.JoinedOn);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        membership.LeftOn = input.LeftOn;
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(membership.Id);
    }

    /// <summary>An observer state becomes a member: its observer membership ends on the day its membership begins.</summary>
    public async Task<Outcome> ChangeToMemberAsync(int processId, int membershipId, ChangeToMemberInput input, CancellationToken ct = default)
    {
        var observer = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.ProcessId == processId, ct);
        if (observer is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        const string field = nameof(ChangeToMemberInput.On);
        var today = Today;
        if (observer.StateCode is null || observer.Role != MembershipRole.Observer || !observer.IsCurrent(today))
        {
            errors.Add(field, t["Only a current observer state can become a member."]);
        }
        else if (input.On is null)
        {
            errors.Add(field, t["Enter the date it becomes a member."]);
        }
        else
        {
            errors.NotBefore(t, field, input.On, observer.JoinedOn);
            var code = observer.StateCode;
            if (await db.Memberships.CurrentOn(today).AnyAsync(m => m.ProcessId == processId && m.StateCode == code && m.Role == MembershipRole.Member, ct))
            {
                errors.Add(field, t["It already takes part in this process in this role."]);
            }
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        observer.LeftOn = input.On;
        var member = new Membership { ProcessId = processId, StateCode = observer.StateCode, Role = MembershipRole.Member, JoinedOn = input.On };
        db.Memberships.Add(member);
        await MarkMemberStatesKnownAsync(processId, ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(member.Id);
    }

    // A secretariat recording a member state is itself a source for the member list, which is then no longer unknown.
    private async Task MarkMemberStatesKnownAsync(int processId, CancellationToken ct)
    {
        if (await db.Processes.FindAsync([processId], ct) is { MemberStatesKnown: false } process)
        {
            process.MemberStatesKnown = true;
        }
    }
}
