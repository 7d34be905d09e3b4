using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Practices;

/// <summary>/processes/{slug}/practices: the good practices of a process the reader may see (members-only ones for its
/// members), filtered by country, theme, GCM objective, year and adapting state; the submissions waiting for review for
/// the secretariat, and one's own submissions for their submitter.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public AddressedProcess Process { get; private set; } = null!;
    public PracticeFilter Filter { get; private set; } = PracticeFilter.Of(null, null, null, null, null);
    public IReadOnlyList<PracticeRow> Practices { get; private set; } = [];
    public IReadOnlyList<PracticeRow> Pending { get; private set; } = [];
    public IReadOnlyList<PracticeCountry> Countries { get; private set; } = [];
    public IReadOnlyList<ThemeName> Themes { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool MaySubmit { get; private set; }
    public bool Reviews { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? country, int? theme, int? objective, int? year, string? adaptedBy, CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        Filter = PracticeFilter.Of(country, theme, objective, year, adaptedBy);
        var reader = await readers.CurrentAsync(User);
        var language = Cultures.Current;
        MaySubmit = await authorization.MayAsync(HttpContext, Operation.SubmitPractices);
        Reviews = await authorization.MayAsync(HttpContext, Operation.ReviewPractices);
        Practices = await PracticeQueries.PublishedAsync(db, reader, Process.Id, Filter, language, ct);
        Pending = reader.UserId is null ? [] : await PracticeQueries.PendingAsync(db, reader, Process.Id, language, ct);
        (Countries, Years) = await PracticeQueries.FacetsAsync(db, reader, Process.Id, language, clock.Today().Year, ct);
        Themes = await ThemeTags.ChoicesAsync(db, ct);
        return Page();
    }
}
