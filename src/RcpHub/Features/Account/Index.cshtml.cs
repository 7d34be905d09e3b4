using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Features.Shared;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Account;

/// <summary>My account: who I am, the roles I hold in each process, and the way to my security settings.</summary>
[Requires(Operation.ManageOwnAccount)]
public sealed class IndexModel(UserManager<AppUser> users, AppDbContext db, IStringLocalizer<AccountText> t, IStringLocalizer<SharedText> shared) : PageModel
{
    /// <summary>The language I read pages and mail in (<see cref="AppUser.PreferredLanguage"/>).</summary>
    [BindProperty]
    public string? MailLanguage { get; set; }

    public sealed record RoleRow(string ProcessSlug, string ProcessAcronym, string ProcessName, ProcessRole Role, string? StateCode, string? Ministry, DateTimeOffset GrantedAt);

    public AppUser Me { get; private set; } = null!;
    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];
    public IReadOnlyDictionary<string, string> StateNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }
        Me = me;
        MailLanguage ??= me.PreferredLanguage;
        var roles = await db.ProcessRoleAssignments.AsNoTracking()
            .Where(a => a.UserId == me.Id && a.RevokedAt == null)
            .Select(a => new RoleRow(a.Process!.Slug, a.Process.Acronym, a.Process.Name, a.Role, a.StateCode, a.Ministry, a.GrantedAt))
            .ToListAsync();
        Roles = [.. roles.OrderBy(r => r.ProcessAcronym, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Role)];
        StateNames = await db.States.NamesAsync(roles.Select(r => r.StateCode));
        return Page();
    }

    /// <summary>The zone the person reads meeting times in; empty clears it (venue times and UTC).</summary>
    public async Task<IActionResult> OnPostTimeZoneAsync([FromForm] string? timeZoneId)
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }
        var chosen = string.IsNullOrEmpty(timeZoneId) ? null : timeZoneId;
        if (chosen is not null && !TimeZones.IsKnown(chosen))
        {
            ModelState.AddModelError("timeZoneId", t["Choose a time zone from the list."]);
            var page = await OnGetAsync();
            if (page is PageResult result)
            {
                result.StatusCode = StatusCodes.Status400BadRequest;
            }
            return page;
        }
        me.TimeZoneId = chosen;
        await users.UpdateAsync(me);
        this.Tell(chosen is null ? t["Times are shown on the venue's clock and in UTC."] : t["Times are now shown in {0}.", TimeZones.Label(chosen)]);
        return LocalRedirect("/account");
    }

    public async Task<IActionResult> OnPostLanguageAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }
        if (MailLanguage is null || !Cultures.Supported.Contains(MailLanguage))
        {
            ModelState.AddModelError(nameof(MailLanguage), t["Choose one of the languages offered."]);
            return await OnGetAsync();
        }
        me.PreferredLanguage = MailLanguage;
        await users.UpdateAsync(me);
        Cultures.Choose(HttpContext, MailLanguage);
        this.Tell(shared["Pages and mail to you are now in {0}.", Cultures.Endonyms[MailLanguage]]);
        return Redirect("/account");
    }
}
