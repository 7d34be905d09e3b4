using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Manage;

public sealed class BodyInput
{
    public BodyKind? Kind { get; set; }
    public string? Name { get; set; }
    [MultiLine]
    public string? Mandate { get; set; }
    public DateOnly? EstablishedOn { get; set; }
    public DateOnly? DissolvedOn { get; set; }
}

public sealed class BodyMemberInput
{
    public string? StateCode { get; set; }
    public int? OrganizationId { get; set; }
    public bool IsChair { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
}

/// <summary>A member's seat in a body changes; who holds it does not.</summary>
public sealed class BodyMemberUpdate
{
    public bool IsChair { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
}

public sealed record BodyRow(int Id, BodyKind Kind, string Name, string? Mandate, DateOnly? EstablishedOn, DateOnly? DissolvedOn, int CurrentMembers);

public sealed record BodyDetail(int Id, BodyKind Kind, string Name, string? Mandate, DateOnly? EstablishedOn, DateOnly? DissolvedOn, IReadOnlyList<BodyMemberRow> Members);

public sealed record BodyMemberRow(int Id, string? StateCode, int? OrganizationId, string Holder, bool IsChair, DateOnly? JoinedOn, DateOnly? LeftOn, bool IsCurrent, bool HasEnded);

/// <summary>Steering committees, working groups and expert groups, and who sits on them. A member who leaves
/// keeps the row with its leave date, as memberships of the process do.</summary>
public sealed class BodyCommands(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<BodyRow>> ListAsync(int processId, CancellationToken ct = default)
    {
        var seated = Periods.CurrentOn<BodyMember>(Today);
        return await db.Bodies.AsNoTracking().Where(b => b.ProcessId == processId)
            .OrderBy(b => b.DissolvedOn != null).ThenBy(b => b.Name)
            .Select(b => new BodyRow(b.Id, b.Kind, b.Name, b.Mandate, b.EstablishedOn, b.DissolvedOn,
                b.Members.AsQueryable().Count(seated)))
            .ToListAsync(ct);
    }

    public async Task<BodyDetail?> FindAsync(int processId, int bodyId, CancellationToken ct = default)
    {
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == bodyId && b.ProcessId == processId)
            .Select(b => new
            {
                b.Id, b.Kind, b.Name, b.Mandate, b.EstablishedOn, b.DissolvedOn,
                Members = b.Members.Select(m => new { m.Id, m.StateCode, m.State, m.OrganizationId, m.Organization, m.IsChair, Seat = m }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return null;
        }
        var today = Today;
        var members = body.Members
            .Select(m => new BodyMemberRow(m.Id, m.StateCode, m.OrganizationId, Holder.Label(m.State, m.Organization), m.IsChair,
                m.Seat.JoinedOn, m.Seat.LeftOn, m.Seat.IsCurrent(today), m.Seat.HasEnded(today)))
            .OrderBy(m => m.HasEnded).ThenByDescending(m => m.IsChair)
            .ThenBy(m => m.Holder, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true))
            .ToList();
        return new BodyDetail(body.Id, body.Kind, body.Name, body.Mandate, body.EstablishedOn, body.DissolvedOn, members);
    }

    public async Task<Outcome> AddAsync(int processId, BodyInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var body = new Body { ProcessId = processId, Name = "" };
        Apply(body, input);
        db.Bodies.Add(body);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(body.Id);
    }

    public async Task<Outcome> UpdateAsync(int processId, int bodyId, BodyInput input, CancellationToken ct = default)
    {
        var body = await db.Bodies.FirstOrDefaultAsync(b => b.Id == bodyId && b.ProcessId == processId, ct);
        if (body is null)
        {
            return Outcome.NotFound;
        }
        var errors = Validate(input);
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        Apply(body, input);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(body.Id);
    }

    private FieldErrors Validate(BodyInput input)
    {
        var errors = new FieldErrors();
        errors.Defined(t, nameof(BodyInput.Kind), input.Kind);
        errors.Required(t, nameof(BodyInput.Name), input.Name);
        errors.MaxLength(t, nameof(BodyInput.Name), input.Name, 300);
        errors.MaxLength(t, nameof(BodyInput.Mandate), input.Mandate, Checks.TextLength);
        errors.NotBefore(t, nameof(BodyInput.DissolvedOn), input.DissolvedOn, input.EstablishedOn);
        return errors;
    }

    private static void Apply(Body body, BodyInput input)
    {
        body.Kind = input.Kind!.Value;
        body.Name = input.Name!.Trim();
        body.Mandate = Checks.Trimmed(input.Mandate);
        body.EstablishedOn = input.EstablishedOn;
        body.DissolvedOn = input.DissolvedOn;
    }

    public async Task<Outcome> AddMemberAsync(int processId, int bodyId, BodyMemberInput input, CancellationToken ct = default)
    {
        if (!await db.Bodies.AnyAsync(b => b.Id == bodyId && b.ProcessId == processId, ct))
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        var code = await errors.HolderAsync(t, db, input.StateCode, input.OrganizationId,
            nameof(BodyMemberInput.StateCode), nameof(BodyMemberInput.OrganizationId), ct);
        errors.NotBefore(t, nameof(BodyMemberInput.LeftOn), input.LeftOn, input.JoinedOn);
        if (!errors.Any)
        {
            var organizationId = code is null ? input.OrganizationId : null;
            if (await db.BodyMembers.Where(Periods.NotEndedOn<BodyMember>(Today)).AnyAsync(m => m.BodyId == bodyId
                    && (code != null ? m.StateCode == code : m.OrganizationId == organizationId), ct))
            {
                errors.Add(code is null ? nameof(BodyMemberInput.OrganizationId) : nameof(BodyMemberInput.StateCode),
                    t["It already sits on this body."]);
            }
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var member = new BodyMember
        {
            BodyId = bodyId,
            StateCode = code,
            OrganizationId = code is null ? input.OrganizationId : null,
            IsChair = input.IsChair,
            JoinedOn = input.JoinedOn,
            LeftOn = input.LeftOn,
        };
        db.BodyMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(member.Id);
    }

    public async Task<Outcome> UpdateMemberAsync(int processId, int bodyId, int memberId, BodyMemberUpdate input, CancellationToken ct = default)
    {
        var member = await db.BodyMembers
            .Where(m => m.Id == memberId && m.BodyId == bodyId && db.Bodies.Any(b => b.Id == bodyId && b.ProcessId == processId))
            .FirstOrDefaultAsync(ct);
        if (member is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        errors.NotBefore(t, nameof(BodyMemberUpdate.LeftOn), input.LeftOn, input.JoinedOn);
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        member.IsChair = input.IsChair;
        member.JoinedOn = input.JoinedOn;
        member.LeftOn = input.LeftOn;
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(member.Id);
    }
}
