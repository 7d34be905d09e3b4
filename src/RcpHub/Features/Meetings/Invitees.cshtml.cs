using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Meetings;

/// <summary>/processes/{slug}/meetings/{id}/invitees: who is invited to a by-invitation meeting — states (their focal
/// points), organisations (their people, civil society included) and persons (platform users).</summary>
[Requires(Operation.ScheduleMeetings)]
public sealed class InviteesModel(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> t) : MeetingManagePage(db, clock, t)
{
    public sealed class InviteeInput
    {
        [Display(Name = "State")]
        public string? StateCode { get; set; }

        [Display(Name = "Organisation")]
        public int? OrganizationId { get; set; }

        [Display(Name = "Email address of a platform user")]
        [EmailAddress(ErrorMessage = "Enter an email address.")]
        public string? Email { get; set; }
    }

    [BindProperty]
    public InviteeInput Invitee { get; set; } = new();

    public PartyChoices Parties { get; private set; } = null!;
    public IReadOnlyList<InviteeView> Current { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) ? await ShowAsync(ct) : NotFound();

    /// <summary>Invites every state that is a member of the process today, in one step.</summary>
    public Task<IActionResult> OnPostAddMembersAsync(int id, CancellationToken ct) =>
        InviteAllAsync(id, MembershipRole.Member, ct);

    /// <summary>Invites every observer of the process today, states and organisations alike, in one step.</summary>
    public Task<IActionResult> OnPostAddObserversAsync(int id, CancellationToken ct) =>
        InviteAllAsync(id, MembershipRole.Observer, ct);

    public async Task<IActionResult> OnPostAddStateAsync(int id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var code = Invitee.StateCode?.Trim().ToUpperInvariant();
        if (code is null || !await Db.States.AnyAsync(s => s.Code == code, ct))
        {
            return await RefuseAsync(nameof(InviteeInput.StateCode), Text["Choose a state from the list."], ct);
        }
        return await InviteAsync(nameof(InviteeInput.StateCode), new MeetingInvitee { StateCode = code }, ct);
    }

    public async Task<IActionResult> OnPostAddOrganizationAsync(int id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var organizationId = Invitee.OrganizationId;
        if (organizationId is null || !await Db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            return await RefuseAsync(nameof(InviteeInput.OrganizationId), Text["Choose an organisation from the list."], ct);
        }
        return await InviteAsync(nameof(InviteeInput.OrganizationId), new MeetingInvitee { OrganizationId = organizationId }, ct);
    }

    public async Task<IActionResult> OnPostAddPersonAsync(int id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var email = Invitee.Email?.Trim().ToUpperInvariant();
        var userId = string.IsNullOrEmpty(email) ? null
            : await Db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleOrDefaultAsync(ct);
        if (userId is null)
        {
            return await RefuseAsync(nameof(InviteeInput.Email), Text["No platform user has this email address."], ct);
        }
        return await InviteAsync(nameof(InviteeInput.Email), new MeetingInvitee { UserId = userId }, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int inviteeId, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        if (Meeting.Invitees.SingleOrDefault(i => i.Id == inviteeId) is not { } invitee)
        {
            return NotFound();
        }
        var name = (await NamesAsync(ct)).Of(invitee);
        Meeting.Invitees.Remove(invitee);
        await SaveAsync(ct);
        this.Tell(Text["{0} is no longer invited.", name]);
        return Back("invitees");
    }

    /// <summary>Adds the current members (or observers) of the process not yet invited; says how many.</summary>
    private async Task<IActionResult> InviteAllAsync(int id, MembershipRole role, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var current = await Db.Memberships.AsNoTracking().CurrentOn(Clock.Today())
            .Where(m => m.ProcessId == Meeting.ProcessId && m.Role == role)
            .Select(m => new { m.StateCode, m.OrganizationId })
            .ToListAsync(ct);
        var added = Meeting.Invite(current.Select(m => new MeetingInvitee { StateCode = m.StateCode, OrganizationId = m.OrganizationId }));
        if (added.Count > 0)
        {
            await SaveAsync(ct);
        }
        this.Tell(added.Count == 0
            ? (role == MembershipRole.Member ? Text["Every member state is already invited."] : Text["Every observer is already invited."])
            : role == MembershipRole.Member ? Text.Plural(added.Count, "{0} member state invited.", "{0} member states invited.") : Text.Plural(added.Count, "{0} observer invited.", "{0} observers invited."));
        return Back("invitees");
    }

    private async Task<IActionResult> InviteAsync(string field, MeetingInvitee invitee, CancellationToken ct)
    {
        if (Meeting.Invite([invitee]).Count == 0)
        {
            return await RefuseAsync(field, Text["Already invited."], ct);
        }
        await SaveAsync(ct);
        this.Tell(Text["{0} is invited.", (await NamesAsync(ct)).Of(invitee)]);
        return Back("invitees");
    }

    private async Task<IActionResult> RefuseAsync(string field, string message, CancellationToken ct)
    {
        ModelState.AddModelError($"{nameof(Invitee)}.{field}", message);
        return await ShowAsync(ct);
    }

    private async Task<PageResult> ShowAsync(CancellationToken ct)
    {
        var names = await NamesAsync(ct);
        Parties = names.Parties;
        Current = Meeting.Invitees
            .Select(i => new InviteeView(i.Id, new PartyRef(i.StateCode, i.OrganizationId, names.Of(i)), i.UserId is not null))
            .OrderBy(i => i.IsPerson).ThenBy(i => i.Party.StateCode == null).ThenBy(i => i.Party.Name, StringComparer.CurrentCulture)
            .ToList();
        return Page();
    }

    private InviteeNames? _names;

    /// <summary>How the page names invitees: states and organisations as the lists name them, persons by name and address.</summary>
    private async Task<InviteeNames> NamesAsync(CancellationToken ct)
    {
        if (_names is null)
        {
            var parties = await PartyChoices.LoadAsync(Db, ct);
            var userIds = Meeting.Invitees.Select(i => i.UserId).OfType<string>().ToList();
            var persons = userIds.Count == 0 ? [] : await Db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} ({u.Email})", ct);
            _names = new InviteeNames(parties, persons);
        }
        return _names;
    }

    private sealed record InviteeNames(PartyChoices Parties, Dictionary<string, string> Persons)
    {
        private readonly Dictionary<string, string> _labels = Parties.States.Concat(Parties.Organizations).ToDictionary(c => c.Value, c => c.Label);

        public string Of(MeetingInvitee invitee) => invitee.UserId is { } userId
            ? Persons.GetValueOrDefault(userId, "")
            : _labels.GetValueOrDefault(Party.Key(invitee.StateCode, invitee.OrganizationId)!, "");
    }
}
