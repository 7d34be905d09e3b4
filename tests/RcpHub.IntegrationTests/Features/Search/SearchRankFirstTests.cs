using RcpHub.Domain;
using RcpHub.Features.Search;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>Decision 0043: the engine ranks its matches alone and the reader's access is asked of its best few thousand;
/// a reader who may see too few of those is still shown the best of what they may see, counted as before.</summary>
public sealed class SearchRankFirstTests : IAsyncLifetime
{
    // More members-only entries than the engine's first best (four times the cap), all ranked above every open one.
    private const int Closed = (SiteSearch.CountCap * 4) + 100;
    private const int Open = SiteSearch.CountCap + 50;
    private RcpHubFactory _factory = null!;
    private AppUser _member = null!;
    private Meeting _closed = null!;
    private int _midsa;

    public async ValueTask InitializeAsync()
    {
        (_factory, _midsa, _member, _closed) = await SearchArrange.ManyEntriesHostAsync("Closed talks");
        await using var scope = _factory.Scope();
        // The word in the title of each closed entry (ranked first by both engines), in a long text only of the open ones.
        scope.Db.SearchEntries.AddRange(Enumerable.Range(0, Closed).Select(i => new SearchEntry
        {
            Kind = SearchKind.AgendaItem, Key = $"closed-{i}", Path = $"/meetings/{_closed.Id}", Title = $"Oleander briefing {i}",
            ProcessId = _midsa, MeetingId = _closed.Id, Body = "Oleander.",
        }));
        scope.Db.SearchEntries.AddRange(Enumerable.Range(0, Open).Select(i => new SearchEntry
        {
            Kind = SearchKind.Organization, Key = $"open-{i}", Path = $"/organizations/open-{i}", Title = $"Network {i}",
            Body = "A network of cities on mobility, labour, skills, remittances, return and reintegration, which also planted an oleander.",
        }));
        await scope.Db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_reader_who_may_see_none_of_the_engines_best_still_gets_the_best_of_what_they_may_see()
    {
        var anonymous = await SearchArrange.SearchAsync(_factory, "oleander");
        Assert.True(anonymous.GetProperty("more").GetBoolean());
        Assert.Equal(SiteSearch.CountCap, anonymous.GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Organization"] = SiteSearch.CountCap }, SearchArrange.Counts(anonymous, "kinds"));
        Assert.Equal(SiteSearch.Limit, anonymous.GetProperty("items").GetArrayLength());
        Assert.All(anonymous.GetProperty("items").EnumerateArray(), i => Assert.Equal("Organization", i.GetProperty("kind").GetString()));

        // A member of the process sees the closed entries first, as the engine ranks them.
        var member = await SearchArrange.SearchAsync(_factory, "oleander", _member);
        Assert.True(member.GetProperty("more").GetBoolean());
        Assert.Equal(new Dictionary<string, int> { ["AgendaItem"] = SiteSearch.CountCap }, SearchArrange.Counts(member, "kinds"));
        Assert.All(member.GetProperty("items").EnumerateArray(), i => Assert.Equal("AgendaItem", i.GetProperty("kind").GetString()));

        // Narrowed to organisations, the member counts them all, as an anonymous reader of the same narrowed search does.
        var narrowed = await SearchArrange.SearchAsync(_factory, "oleander&kind=organization", _member);
        Assert.Equal(Open > SiteSearch.CountCap, narrowed.GetProperty("more").GetBoolean());
        Assert.Equal(Math.Min(Open, SiteSearch.CountCap), narrowed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_ranking_held_in_memory_is_not_used_once_the_index_has_changed()
    {
        // "briefing" is in the title of every closed entry: more matches than the engine is first asked for, so that its
        // ranking is held from its first search on (decision 0043).
        await SearchArrange.SearchAsync(_factory, "briefing", _member);
        var before = await SearchArrange.SearchAsync(_factory, "briefing", _member);
        Assert.StartsWith("Oleander briefing", before.GetProperty("items")[0].GetProperty("title").GetString(), StringComparison.Ordinal);

        await using (var scope = _factory.Scope())
        {
            scope.Db.SearchEntries.Add(new SearchEntry
            {
                Kind = SearchKind.AgendaItem, Key = "briefing-on-briefings", Path = $"/meetings/{_closed.Id}", Title = "Briefing on briefings: briefing notes",
                ProcessId = _midsa, MeetingId = _closed.Id, Body = "Briefing, briefing, briefing.",
            });
            await scope.Db.SaveChangesAsync();
        }
        var after = await SearchArrange.SearchAsync(_factory, "briefing", _member);
        Assert.Equal("Briefing on briefings: briefing notes", after.GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_word_far_into_a_long_text_is_marked_in_its_passage()
    {
        await using (var scope = _factory.Scope())
        {
            // Past the start of the text from which the words of a passage are read (PassageSource.MostRead).
            scope.Db.SearchEntries.Add(new SearchEntry
            {
                Kind = SearchKind.Organization, Key = "long-text", Path = "/organizations/long-text", Title = "A long annual report",
                Body = string.Concat(Enumerable.Repeat("Networks of cities on mobility. ", (PassageSource.MostRead / 30) + 10)) + "The saxifrage programme ended.",
            });
            await scope.Db.SaveChangesAsync();
        }
        var found = await SearchArrange.SearchAsync(_factory, "saxif");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Contains("<mark>saxifrage</mark>", found.GetProperty("items")[0].GetProperty("passage").GetString(), StringComparison.Ordinal);
    }
}
