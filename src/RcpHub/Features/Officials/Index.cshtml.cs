using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Officials;

/// <summary>/directory: find the officials of the processes one takes part in (the official in charge of a file in another
/// member state), by name, ministry or position, state, file (theme) and process. Only those one shares a process with
/// are found or counted (<see cref="DirectoryAccess"/>).</summary>
[Requires(Operation.UseDirectory)]
public sealed class IndexModel(AppDbContext db, MeetingReaders readers, TimeProvider clock) : PageModel
{
    public DirectoryFilter Filter { get; private set; } = DirectoryFilter.Of(null, null, null, null);
    public DirectoryList Found { get; private set; } = new(0, []);
    public IReadOnlyList<DirectoryState> States { get; private set; } = [];
    public IReadOnlyList<ThemeName> Themes { get; private set; } = [];
    public IReadOnlyList<DirectoryProcess> Processes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? q, string? state, int? theme, int? process, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(User);
        var today = clock.Today();
        var language = Cultures.Current;
        Filter = DirectoryFilter.Of(q, state, theme, process);
        Found = await DirectoryQueries.FindAsync(db, reader, Filter, today, language, ct);
        (States, Themes, Processes) = await DirectoryQueries.ChoicesAsync(db, reader, today, ct);
        return Page();
    }
}
