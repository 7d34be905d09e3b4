using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

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
        return await InviteAsync(nameof(InviteeInput.StateCode), new MeetingInvitee { StateCode = code }, i => i.StateCode == code, ct);
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
        return await InviteAsync(nameof(InviteeInput.OrganizationId), new MeetingInvitee { OrganizationId = organizationId }, i => i.OrganizationId == organizationId, ct);
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
        return await InviteAsync(nameof(InviteeInput.Email), new MeetingInvitee { UserId = userId }, i => i.UserId == userId, ct);
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
        Meeting.Invitees.Remove(invitee);
        await SaveAsync(ct);
        return Back("invitees");
    }

    private async Task<IActionResult> InviteAsync(string field, MeetingInvitee invitee, Func<MeetingInvitee, bool> same, CancellationToken ct)
    {
        if (Meeting.Invitees.Any(same))
        {
            return await RefuseAsync(field, Text["Already invited."], ct);
        }
        Meeting.Invitees.Add(invitee);
        await SaveAsync(ct);
        return Back("invitees");
    }

    private async Task<IActionResult> RefuseAsync(string field, string message, CancellationToken ct)
    {
        ModelState.AddModelError($"{nameof(Invitee)}.{field}", message);
        return await ShowAsync(ct);
    }

    private async Task<PageResult> ShowAsync(CancellationToken ct)
    {
        Parties = await PartyChoices.LoadAsync(Db, ct);
        var persons = await Db.MeetingInvitees.AsNoTracking().Where(i => i.MeetingId == Meeting.Id && i.UserId != null)
            .Select(i => new { i.Id, i.User!.DisplayName, i.User.Email }).ToListAsync(ct);
        var states = Parties.States.ToDictionary(c => c.Value, c => c.Label);
        var organizations = Parties.Organizations.ToDictionary(c => c.Value, c => c.Label);
        Current = Meeting.Invitees
            .Select(i => i.UserId is not null
                ? new InviteeView(i.Id, new PartyRef(null, null, persons.Where(p => p.Id == i.Id).Select(p => $"{p.DisplayName} ({p.Email})").FirstOrDefault() ?? ""), true)
                : new InviteeView(i.Id, new PartyRef(i.StateCode, i.OrganizationId,
                    (i.StateCode is not null ? states : organizations).GetValueOrDefault(Party.Key(i.StateCode, i.OrganizationId)!, "")), false))
            .OrderBy(i => i.IsPerson).ThenBy(i => i.Party.StateCode == null).ThenBy(i => i.Party.Name, StringComparer.CurrentCulture)
            .ToList();
        return Page();
    }
}
