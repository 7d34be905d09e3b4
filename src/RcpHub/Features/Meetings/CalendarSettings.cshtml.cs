using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.Meetings;

/// <summary>/calendar: a signed-in person makes, replaces or revokes the secret address of their own calendar feed.</summary>
[Requires(Operation.ManageOwnAccount)]
public sealed class CalendarSettingsModel(AppDbContext db, TimeProvider clock, IConfiguration configuration, Microsoft.Extensions.Localization.IStringLocalizer<MeetingsText> t) : PageModel
{
    public DateTimeOffset? MadeAt { get; private set; }

    /// <summary>The new address, shown once, right after it is made.</summary>
    public string? NewAddress { get; private set; }

    /// <summary>Set (?revoke=true) when the person asked to revoke the address: the page asks first.</summary>
    [BindProperty(SupportsGet = true, Name = "revoke")]
    public bool Revoking { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => MadeAt = await FindAsync(ct) is { } feed ? feed.CreatedAt : null;

    public async Task<IActionResult> OnPostMakeAsync(CancellationToken ct)
    {
        var token = CalendarTokens.New();
        var feed = await FindAsync(ct);
        if (feed is null)
        {
            feed = new CalendarFeed { UserId = ProcessAccess.UserIdOf(User)!, TokenHash = "" };
            db.CalendarFeeds.Add(feed);
        }
        feed.TokenHash = CalendarTokens.Hash(token);
        feed.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        // Shown in the answer to the post rather than after a redirect: the token is never stored, not even in a cookie.
        MadeAt = feed.CreatedAt;
        NewAddress = PublicLinks.To(configuration, $"/calendar/{token}.ics");
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } feed)
        {
            db.CalendarFeeds.Remove(feed);
            await db.SaveChangesAsync(ct);
        }
        this.Tell(t["Your calendar address has been revoked: it no longer works."]);
        return Redirect("/calendar");
    }

    private Task<CalendarFeed?> FindAsync(CancellationToken ct)
    {
        var userId = ProcessAccess.UserIdOf(User);
        return db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, ct);
    }
}
