using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace RcpHub.Features.Floor;

/// <summary>/processes/{slug}/meetings/{id}/sessions/{sessionId}/floor: who speaks, who waits; participants ask
/// for the floor, the chair or the secretariat gives it. Works as plain forms; floor.js makes it live.</summary>
[Requires(Operation.FollowFloor)]
public sealed class FloorModel(AppDbContext db, IAuthorizationService authorization, MeetingReaders readers, FloorCommands commands,
    TimeProvider clock, IStringLocalizer<FloorText> t) : PageModel
{
    [BindProperty]
    [Display(Name = "I speak for")]
    public string? SpeaksFor { get; set; }

    [BindProperty]
    [Display(Name = "Give the floor to")]
    public int? RequestId { get; set; }

    [BindProperty]
    [Display(Name = "Minutes per turn")]
    public int? Minutes { get; set; }

    public FloorPlace Place { get; private set; } = null!;
    public FloorView View { get; private set; } = null!;
    public PartyNames Names { get; private set; } = null!;
    public string? Problem { get; private set; }

    public string? UserId => ProcessAccess.UserIdOf(User);

    /// <summary>The reader's own open request: waiting, or speaking.</summary>
    public FloorLine? Mine => View.Queue.FirstOrDefault(l => l.UserId == UserId) ?? (View.Speaking?.UserId == UserId ? View.Speaking : null);

    /// <summary>Seconds as a speaking clock, "2:05".</summary>
    public static string Clock(int seconds) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");

    public async Task<IActionResult> OnGetAsync(int id, int sessionId, CancellationToken ct)
    {
        if (!await FindAsync(id, sessionId, ct))
        {
            return NotFound();
        }
        return await ShowAsync(ct);
    }

    [HandlerRequires(Operation.AskForFloor)]
    public Task<IActionResult> OnPostAskAsync(int id, int sessionId, CancellationToken ct) =>
        ActAsync(id, sessionId, () => commands.AskAsync(Place, UserId!, SpeaksFor, ct), () => t["You are in line for the floor."], ct);

    [HandlerRequires(Operation.AskForFloor)]
    public Task<IActionResult> OnPostWithdrawAsync(int id, int sessionId, CancellationToken ct) =>
        ActAsync(id, sessionId, () => commands.WithdrawAsync(Place, UserId!, ct), () => t["Your request for the floor is withdrawn."], ct);

    [HandlerRequires(Operation.ChairFloor)]
    public Task<IActionResult> OnPostGiveNextAsync(int id, int sessionId, CancellationToken ct) =>
        ActAsync(id, sessionId, () => commands.GiveAsync(Place, null, ct), () => t["The floor is given."], ct);

    [HandlerRequires(Operation.ChairFloor)]
    public Task<IActionResult> OnPostGiveAsync(int id, int sessionId, CancellationToken ct) =>
        ActAsync(id, sessionId, () => RequestId is null
            ? Task.FromResult<string?>(t["Choose who gets the floor."])
            : commands.GiveAsync(Place, RequestId, ct), () => t["The floor is given."], ct);

    [HandlerRequires(Operation.ChairFloor)]
    public Task<IActionResult> OnPostEndAsync(int id, int sessionId, CancellationToken ct) =>
        ActAsync(id, sessionId, () => commands.EndTurnAsync(Place, ct), () => t["The turn is ended."], ct);

    [HandlerRequires(Operation.ChairFloor)]
    public Task<IActionResult> OnPostMinutesAsync(int id, int sessionId, CancellationToken ct) =>
        ActAsync(id, sessionId, () => commands.SetMinutesAsync(Place, Minutes, ct), () => t.Plural(Minutes ?? 0, "{0} minute per turn.", "{0} minutes per turn."), ct);

    /// <summary>Runs a change (the handler declares who may make it); a refusal re-shows the page with its reason (422), a
    /// success reloads it so that refreshing does not post again.</summary>
    private async Task<IActionResult> ActAsync(int id, int sessionId, Func<Task<string?>> change, Func<string> notice, CancellationToken ct)
    {
        if (!await FindAsync(id, sessionId, ct))
        {
            return NotFound();
        }
        Problem = await change();
        if (Problem is null)
        {
            this.Tell(notice());
            return Redirect(Place.Address);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await ShowAsync(ct);
    }

    private async Task<bool> FindAsync(int id, int sessionId, CancellationToken ct)
    {
        Place = (await FloorPlace.FindAsync(db, authorization, readers, User, HttpContext.AddressedProcess(), id, sessionId, ct))!;
        return Place is not null;
    }

    private async Task<PageResult> ShowAsync(CancellationToken ct)
    {
        View = (await FloorSnapshot.ReadAsync(db, Place.SessionId, ct)).In(Cultures.Current, clock.GetUtcNow());
        var speaksFor = Place.Roles.Concat(Place.Representing).ToList();
        Names = await PartyNames.LoadAsync(db, speaksFor.Select(r => r.StateCode), speaksFor.Select(r => r.OrganizationId), ct);
        return Page();
    }
}
