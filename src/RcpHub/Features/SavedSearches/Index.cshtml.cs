using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.SavedSearches;

/// <summary>/my/saved-searches: a signed-in person's saved searches, each run by its link, its weekly mail stopped or
/// started again, and removed after a question (?remove=ID).</summary>
[Requires(Operation.ManageOwnAccount)]
public sealed class IndexModel(SavedSearchDesk desk, IStringLocalizer<SavedSearchesText> t, IStringLocalizer<Search.SearchText> searchText, Meetings.MeetingLabels labels) : PageModel
{
    public const string Address = "/my/saved-searches";

    public IReadOnlyList<SavedSearchRow> Searches { get; private set; } = [];

    public RemovalQuestion? Removing { get; private set; }

    public async Task OnGetAsync(int? remove, CancellationToken ct)
    {
        Searches = await desk.ListAsync(UserId, ct);
        if (remove is not null && Searches.FirstOrDefault(s => s.Id == remove) is { } search)
        {
            Removing = new RemovalQuestion(t["Remove the saved search “{0}”? Its weekly mail stops too.", search.Name], t["Remove the saved search"], "Remove",
                new Dictionary<string, string> { ["id"] = search.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Address);
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var name = (await desk.ListAsync(UserId, ct)).FirstOrDefault(s => s.Id == id)?.Name;
        if (name is null || !await desk.RemoveAsync(UserId, id, ct))
        {
            return NotFound();
        }
        this.Tell(t["The saved search “{0}” is removed.", name]);
        return Redirect(Address);
    }

    public async Task<IActionResult> OnPostWeeklyAsync(int id, bool weekly, CancellationToken ct)
    {
        if (await desk.SetWeeklyAsync(UserId, id, weekly, ct) is not { } name)
        {
            return NotFound();
        }
        this.Tell(weekly ? t["You will be mailed the new results of “{0}” once a week.", name] : t["The weekly mail of “{0}” is stopped.", name]);
        return Redirect(Address);
    }

    /// <summary>A value a saved search is narrowed to, in the reader's language (a language by its own name, in it).</summary>
    public sealed record FilterText(string Text, string? Lang);

    /// <summary>What a saved search is narrowed to besides its words, in the order of the search page's facets.</summary>
    public IEnumerable<FilterText> Filters(SavedSearchRow s)
    {
        if (s.Process is not null)
        {
            yield return new(s.Process.ToUpperInvariant(), null);
        }
        if (Enum.TryParse<SearchKind>(s.Kind, out var kind))
        {
            yield return new(Search.IndexModel.Label(kind, searchText), null);
        }
        if (s.Year is { } year)
        {
            yield return new(year.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
        }
        if (s.Region is not null)
        {
            yield return new(s.Region, null);
        }
        if (Enum.TryParse<MeetingLevel>(s.Level, out var level))
        {
            yield return new(labels.Level(level), null);
        }
        if (s.Language is not null)
        {
            yield return new(Organizations.OrganizationRegistry.LanguageName(s.Language), s.Language);
        }
        if (s.ThemeName is not null)
        {
            yield return new(s.ThemeName, null);
        }
        if (s.Objective is { } objective)
        {
            var name = GlobalFrameworks.ObjectiveName(objective, Infrastructure.Localization.Cultures.Current);
            yield return new(name.Text, name.Language);
        }
    }

    private string UserId => ProcessAccess.UserIdOf(User)!;
}
