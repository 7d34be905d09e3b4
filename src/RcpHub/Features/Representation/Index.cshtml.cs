using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Representation;

/// <summary>/processes/{slug}/representation: which ministries the states send to the process's meetings over the
/// years, for its secretariat and chair; optionally for one state. Only meetings the reader may see count.</summary>
[Requires(Operation.ViewRepresentation)]
public sealed class IndexModel(AppDbContext db, MeetingReaders readers) : PageModel
{
    public string Slug { get; private set; } = "";
    public string ProcessName { get; private set; } = "";
    public string? State { get; private set; }
    public string? ChosenStateName { get; private set; }
    public IReadOnlyList<StateName> States { get; private set; } = [];
    public RepresentationTable Table { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? state, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        (Slug, ProcessName) = (process.Slug, process.Name);
        State = string.IsNullOrWhiteSpace(state) ? null : state.Trim().ToUpperInvariant();
        var (table, codes) = await RepresentationTable.LoadAsync(db, await readers.CurrentAsync(User), process.Id, State, ct);
        Table = table;
        States = await db.States.ChoicesAsync(codes, ct);
        ChosenStateName = States.FirstOrDefault(s => s.Code == State)?.Name;
        return Page();
    }
}
