using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Meetings;

/// <summary>What the secretariat's pages inside one meeting share (agenda, sessions, invitees): the meeting of the
/// process named in the address, tracked for changes, and saving a change as a new revision of the meeting.</summary>
public abstract class MeetingManagePage(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> t) : PageModel
{
    protected AppDbContext Db => db;
    protected TimeProvider Clock => clock;
    protected IStringLocalizer<MeetingsText> Text => t;

    public string Slug { get; private set; } = "";
    public Meeting Meeting { get; private set; } = null!;

    /// <summary>Finds the meeting; false (answer 404) when the process has no meeting with this id.</summary>
    protected async Task<bool> FindAsync(string slug, int id, CancellationToken ct)
    {
        var processId = await db.Processes.AsNoTracking().Where(p => p.Slug == slug.ToLowerInvariant()).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (processId is null || await MeetingCommands.FindToChangeAsync(db, processId.Value, id, ct) is not { } meeting)
        {
            return false;
        }
        (Slug, Meeting) = (slug.ToLowerInvariant(), meeting);
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
