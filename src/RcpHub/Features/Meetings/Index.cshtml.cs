using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/processes/{slug}/meetings: the meetings of a process the reader may see, upcoming or past, filtered and
/// paged. Open to everyone; what each reader sees (and counts) is decided by <see cref="MeetingAccess"/>.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, MeetingReaders readers, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MeetingLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public MeetingFormat? Format { get; set; }

    [BindProperty(SupportsGet = true)]
    public MeetingStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? When { get; set; }

    /// <summary>The page number, as ?p= ("page" is taken: Razor Pages keeps the page's own name in a route value called so).</summary>
    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    public AddressedProcess Process { get; private set; } = null!;
    public MeetingPage Meetings { get; private set; } = null!;
    public bool Past { get; private set; }
    public bool MayManage { get; private set; }
    public PartyNames Names { get; private set; } = null!;
    public string ReaderZone { get; private set; } = TimeZones.Utc;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var process = Process = HttpContext.AddressedProcess();
        Past = When == "past";
        var reader = await readers.CurrentAsync(User);
        MayManage = MeetingAccess.MayManage(reader, process.Id);
        ReaderZone = TimeZones.ReaderZone(HttpContext, reader);
        var filter = new MeetingFilter(Level, Format, Status, Q, Past, P);
        Meetings = await MeetingList.ForProcessAsync(db, reader, process.Id, filter, clock.GetUtcNow(), ct);
        Names = await PartyNames.LoadAsync(db, Meetings.Rows.Select(r => r.HostStateCode), [], ct);
        return Page();
    }

    /// <summary>The address of this list with one query value changed (the page number, the tab).</summary>
    public string Link(string key, string? value)
    {
        var query = new Dictionary<string, string?>
        {
            ["level"] = Level?.ToString(), ["format"] = Format?.ToString(), ["status"] = Status?.ToString(), ["q"] = Q, ["when"] = Past ? "past" : null, ["p"] = null,
        };
        query[key] = value;
        return QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is { Length: > 0 } qs
            ? $"/processes/{Process.Slug}/meetings{qs}"
            : $"/processes/{Process.Slug}/meetings";
    }
}
