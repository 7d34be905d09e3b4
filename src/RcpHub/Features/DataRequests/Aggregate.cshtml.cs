using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.DataRequests;

/// <summary>/processes/{slug}/data-requests/{requestId}/aggregate: a compilation the secretariat published, in aggregate
/// only (how many states answered; totals, lowest, median and highest figures; how many chose each option), for
/// everyone. Not found until it is published: a members-only request is not even named to others.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class AggregateModel(DataRequestQueries queries) : PageModel
{
    public AddressedProcess Process => HttpContext.AddressedProcess();
    public RequestView View { get; private set; } = null!;
    public IReadOnlyList<AggregateRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int requestId, CancellationToken ct)
    {
        if (await queries.LoadAsync(Process.Id, requestId, null, ct) is not { PublishedAt: not null } view)
        {
            return NotFound();
        }
        View = view;
        var submitted = view.Submitted.ToList();
        Rows = view.Questions.Select(q => AggregateRow.Of(q, submitted)).ToList();
        return Page();
    }

    public static string Number(decimal? value, string? unit) =>
        value is { } v ? $"{v.ToString("#,0.##", System.Globalization.CultureInfo.CurrentCulture)} {unit}" : "—";
}
