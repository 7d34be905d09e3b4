using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>What the secretariat's pages inside one meeting share (agenda, sessions, invitees): the meeting of the
/// process named in the address, tracked for changes, and saving a change as a new revision of the meeting.</summary>
public abstract class MeetingManagePage(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> t) : PageModel
{
    protected AppDbContext Db => db;
    protected TimeProvider Clock => clock;
    protected IStringLocalizer<MeetingsText> Text => t;

    public string Slug { get; private set; } = "";

    /// <summary>What the page is asked to remove (?remove={id}): it asks first, see <see cref="RemovalQuestion"/>.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "remove")]
    public int? Removing { get; set; }

    /// <summary>The question asked before removing something of the meeting; "Cancel" leads back to <paramref name="section"/>.</summary>
    public RemovalQuestion AskToRemove(string question, string handler, string routeName, int id, string section) =>
        new(question, t["Remove"], handler, new() { [routeName] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"/processes/{Slug}/meetings/{Meeting.Id}/{section}");
    public Meeting Meeting { get; private set; } = null!;

    /// <summary>Finds the meeting; false (answer 404) when the process has no meeting with this id.</summary>
    protected async Task<bool> FindAsync(int id, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        if (await MeetingCommands.FindToChangeAsync(db, process.Id, id, ct) is not { } meeting)
        {
            return false;
        }
        (Slug, Meeting) = (process.Slug, meeting);
        return true;
    }

    protected Task SaveAsync(CancellationToken ct) => MeetingCommands.TouchAndSaveAsync(db, clock, Meeting, ct);

    /// <summary>Puts field errors into ModelState under the input's prefix; true when there were none.</summary>
    protected bool Accept(string prefix, List<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError($"{prefix}.{error.Field}", error.Message);
        }
        return ModelState.IsValid;
    }

    /// <summary>Reloads the page after a change, so that a refresh does not post again.</summary>
    protected Microsoft.AspNetCore.Mvc.RedirectResult Back(string section, string? fragment = null) =>
        Redirect($"/processes/{Slug}/meetings/{Meeting.Id}/{section}{(fragment is null ? "" : "#" + fragment)}");
}
