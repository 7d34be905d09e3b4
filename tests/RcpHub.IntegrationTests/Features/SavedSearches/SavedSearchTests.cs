using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.Infrastructure.Email;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Features.Search;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.SavedSearches;

/// <summary>Saved searches (issue 12): saved from /search with a name, listed on the person's own page and run from it,
/// removed after a question, in the API; refused when the words, the name or the count are wrong; and the weekly mail of
/// the results new since the last one, as the reader may read them when it is sent, once a week, never when nothing is
/// new, with a link that stops it.</summary>
public sealed class SavedSearchTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _midsa;
    private Meeting _membersOnly = null!, _public = null!;
    private AppUser _member = null!, _outsider = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        _member = await TestSignIn.CreateUserAsync(_factory, "focal.point@za.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "ZAF"));
        _outsider = await TestSignIn.CreateUserAsync(_factory, "focal.point@in.example", roles: new ReaderRole(cp, ProcessRole.FocalPoint, "IND"));
        _membersOnly = await Arrange.MeetingAsync(_factory, _midsa, "Members-only meeting on return");
        _public = await Arrange.MeetingAsync(_factory, _midsa, "Open seminar on return", MeetingAudience.Public);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<int> SaveAsync(AppUser user, string q, string? name = null, string? process = null)
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, user);
        using var response = await api.PostAsJsonAsync("/api/v1/saved-searches", new { q, name, process });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>As if the week of every saved search were over, then one round of the mail dispatcher.</summary>
    private async Task<List<OutboxMessage>> WeekPassesAsync()
    {
        await using (var scope = _factory.Scope())
        {
            await scope.Db.SavedSearches.ExecuteUpdateAsync(s => s.SetProperty(x => x.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        return await RoundAsync();
    }

    private async Task<List<OutboxMessage>> RoundAsync()
    {
        await MailDispatcher.RunOnceAsync(_factory.Services.GetRequiredService<IServiceScopeFactory>(), TestContext.Current.CancellationToken);
        await using var scope = _factory.Scope();
        return await scope.Db.OutboxMessages.AsNoTracking().Where(m => m.Kind == MailKind.SavedSearchResults).OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task A_search_saved_from_the_search_page_is_listed_on_the_readers_own_page_and_runs_from_there()
    {
        await SearchArrange.DocumentAsync(_factory, _public.Id, "Wombatic readmission note", "On the wombatic protocol.");
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _member);
        var results = await browser.GetAsync("/search?q=wombatic&process=midsa");
        var saved = await browser.SubmitAsync(results, "form#save-search", new Dictionary<string, string> { ["Input.Name"] = "Wombats in MIDSA" });

        Assert.Equal("/my/saved-searches", saved.Url);
        Assert.Equal("The search “Wombats in MIDSA” is saved: its new results will be mailed to you once a week.", saved.Text(".notice.ok"));
        Assert.Equal(["Wombats in MIDSA"], saved.Texts("#saved-searches a.run"));
        var run = await browser.GetAsync(saved.Document.QuerySelector("#saved-searches a.run")!.GetAttribute("href")!);
        Assert.Equal(["Wombatic readmission note"], run.Texts("ol.results li.document > a"));
        Assert.Contains("MIDSA", run.Text("p.scope"), StringComparison.Ordinal);

        var my = await browser.GetAsync("/my");
        Assert.Equal("/my/saved-searches", my.Document.QuerySelector("#saved-searches-link")!.GetAttribute("href"));

        // Anonymous readers are not offered to save.
        using var anonymous = HtmlClient.For(_factory);
        Assert.Null((await anonymous.GetAsync("/search?q=wombatic")).Document.QuerySelector("form#save-search"));
    }

    [Fact]
    public async Task Removing_a_saved_search_asks_first_then_removes_it()
    {
        await SaveAsync(_member, "readmission", "Readmission");
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _member);
        var list = await browser.GetAsync("/my/saved-searches");
        var remove = list.Document.QuerySelector("#saved-searches li a[href*='remove=']")!.GetAttribute("href")!;
        var asked = await browser.GetAsync("/my/saved-searches" + remove.Split('#')[0]);
        Assert.Equal(["Readmission"], asked.Texts("#saved-searches a.run"));
        Assert.Contains("Remove the saved search “Readmission”?", asked.Text("#confirm-removal"), StringComparison.Ordinal);

        var removed = await browser.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal("The saved search “Readmission” is removed.", removed.Text(".notice.ok"));
        Assert.Empty(removed.Texts("#saved-searches li"));
        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.SavedSearches.AnyAsync());
    }

    [Fact]
    public async Task The_api_lists_saves_and_deletes_only_the_callers_own_searches()
    {
        var mine = await SaveAsync(_member, "labour migration", process: "midsa");
        var theirs = await SaveAsync(_outsider, "labour migration");
        using var api = await TestSignIn.HttpClientAsync(_factory, _member);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/saved-searches");
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal(mine, only.GetProperty("id").GetInt32());
        Assert.Equal("labour migration", only.GetProperty("name").GetString());
        Assert.Equal("/search?q=labour%20migration&process=midsa", only.GetProperty("path").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/saved-searches/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/saved-searches/{mine}")).StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/v1/saved-searches")).EnumerateArray());
        await using var scope = _factory.Scope();
        Assert.Equal([theirs], await scope.Db.SavedSearches.Select(s => s.Id).ToListAsync());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _member);
        async Task<JsonElement> RefusedAsync(object body, HttpStatusCode status)
        {
            using var response = await api.PostAsJsonAsync("/api/v1/saved-searches", body);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        var empty = await RefusedAsync(new { q = "  ", name = "Nothing" }, HttpStatusCode.BadRequest);
        Assert.Equal("Enter at least 2 letters or digits to search for.", empty.GetProperty("errors").GetProperty("q")[0].GetString());
        var longName = await RefusedAsync(new { q = "return", name = new string('n', SavedSearchLimits.Name + 1) }, HttpStatusCode.BadRequest);
        Assert.Equal("Keep the name within 100 characters.", longName.GetProperty("errors").GetProperty("name")[0].GetString());
        var noProcess = await RefusedAsync(new { q = "return", process = "atlantis" }, HttpStatusCode.BadRequest);
        Assert.Equal("There is no process with this address.", noProcess.GetProperty("errors").GetProperty("process")[0].GetString());

        for (var i = 0; i < SavedSearchLimits.PerPerson; i++)
        {
            await SaveAsync(_member, $"return {i}");
        }
        var tooMany = await RefusedAsync(new { q = "one more" }, HttpStatusCode.Conflict);
        Assert.Equal("You keep 20 saved searches, the most one may keep: remove one first.", tooMany.GetProperty("detail").GetString());

        // The page says the same next to its field.
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _member);
        var form = await browser.GetAsync("/my/saved-searches/new?q=return");
        var refused = await browser.SubmitAsync(form, "form#save-search", new Dictionary<string, string> { ["Input.Name"] = new string('n', SavedSearchLimits.Name + 1) });
        Assert.Equal("Keep the name within 100 characters.", refused.Text("[data-valmsg-for='Input.Name']"));
        await using var scope = _factory.Scope();
        Assert.Equal(SavedSearchLimits.PerPerson, await scope.Db.SavedSearches.CountAsync());
    }

    [Fact]
    public async Task The_same_search_is_not_saved_twice()
    {
        await SaveAsync(_member, "return", "Returns");
        using var api = await TestSignIn.HttpClientAsync(_factory, _member);
        using var response = await api.PostAsJsonAsync("/api/v1/saved-searches", new { q = "RETURN " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("You already saved this search, as “Returns”.", problem.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Fact]
    public async Task The_weekly_mail_lists_the_new_results_the_reader_may_see_once_and_nothing_when_nothing_is_new()
    {
        await SearchArrange.DocumentAsync(_factory, _public.Id, "Quokkaplan before", "Found before the search was saved.");
        await using (var scope = _factory.Scope())
        {
            await scope.Db.Users.Where(u => u.Id == _outsider.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "fr"));
        }
        var outsiders = await SaveAsync(_outsider, "quokkaplan", "Quokkas");
        await SaveAsync(_member, "quokkaplan", "Quokkas");
        await SearchArrange.DocumentAsync(_factory, _public.Id, "Quokkaplan open note", "For everyone.");
        await SearchArrange.DocumentAsync(_factory, _membersOnly.Id, "Quokkaplan closed note", "For the members only.");

        // Not a week yet: nothing.
        Assert.Empty(await RoundAsync());

        var mails = await WeekPassesAsync();
        Assert.Equal(2, mails.Count);
        var toOutsider = Assert.Single(mails, m => m.UserId == _outsider.Id);
        var toMember = Assert.Single(mails, m => m.UserId == _member.Id);
        // In the reader's language, of what they may read: the outsider never sees the members-only meeting's note.
        Assert.Equal("Nouveaux résultats pour votre recherche enregistrée « Quokkas »", toOutsider.Subject);
        Assert.Contains("Quokkaplan open note", toOutsider.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Quokkaplan closed note", toOutsider.Body, StringComparison.Ordinal);
        Assert.Contains("Quokkaplan open note", toMember.Body, StringComparison.Ordinal);
        Assert.Contains("Quokkaplan closed note", toMember.Body, StringComparison.Ordinal);
        Assert.Contains("2 new results for “quokkaplan” this week", toMember.Body, StringComparison.Ordinal);
        // What was found when the search was saved is not news.
        Assert.DoesNotContain("Quokkaplan before", toMember.Body, StringComparison.Ordinal);

        // A second round in the same week sends nothing twice; another week without anything new sends nothing.
        Assert.Equal(2, (await RoundAsync()).Count);
        Assert.Equal(2, (await WeekPassesAsync()).Count);

        // The next week tells of the next new result only.
        await SearchArrange.DocumentAsync(_factory, _public.Id, "Quokkaplan second note", "Later.");
        var third = (await WeekPassesAsync()).Skip(2).ToList();
        Assert.Equal(2, third.Count);
        Assert.All(third, m => Assert.Contains("Quokkaplan second note", m.Body, StringComparison.Ordinal));
        Assert.All(third, m => Assert.DoesNotContain("Quokkaplan open note", m.Body, StringComparison.Ordinal));

        // The stop link works without signing in, after a question.
        var stop = System.Text.RegularExpressions.Regex.Match(toOutsider.Body, @"https?://[^/\s]+(/saved-searches/stop/[\w-]+)").Groups[1].Value;
        Assert.NotEmpty(stop);
        using var anonymous = HtmlClient.For(_factory);
        var asked = await anonymous.GetAsync(stop);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("“Quokkas”", asked.Text("main p"), StringComparison.Ordinal);
        var stopped = await anonymous.SubmitAsync(asked, "main form", new Dictionary<string, string>());
        Assert.Equal("The weekly mail of “Quokkas” is stopped. You can start it again from your saved searches.", stopped.Text(".notice.ok"));
        await SearchArrange.DocumentAsync(_factory, _public.Id, "Quokkaplan third note", "Even later.");
        var fourth = (await WeekPassesAsync()).Skip(4).ToList();
        Assert.Equal([_member.Id], fourth.Select(m => m.UserId));
        await using (var scope = _factory.Scope())
        {
            Assert.False(await scope.Db.SavedSearches.Where(s => s.Id == outsiders).Select(s => s.Weekly).SingleAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/saved-searches/stop/not-a-token")).Status);
    }

    [Fact]
    public async Task A_search_saved_with_a_theme_and_a_language_keeps_them_and_mails_only_the_new_entry_that_has_both()
    {
        Theme first;
        await using (var scope = _factory.Scope())
        {
            first = await scope.Db.Themes.AsNoTracking().OrderBy(t => t.Id).FirstAsync();
        }
        var (theme, themeName) = (first.Id, first.Name);
        var tagged = await Arrange.MeetingAsync(_factory, _midsa, "Tagged seminar", MeetingAudience.Public, configure: m => m.ThemeIds = [theme]);
        var closedTagged = await Arrange.MeetingAsync(_factory, _midsa, "Tagged members' meeting", configure: m => m.ThemeIds = [theme]);

        // Saved from the search page narrowed to the theme and French: both are kept, and shown in the reader's language.
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _outsider);
        var results = await browser.GetAsync($"/search?q=bilbywort&theme={theme}&language=fr");
        var saved = await browser.SubmitAsync(results, "form#save-search", new Dictionary<string, string> { ["Input.Name"] = "Bilbies in French" });
        Assert.Equal("/my/saved-searches", saved.Url);
        Assert.Equal(["français", themeName], saved.Texts("#saved-searches .meta .filter"));
        using var api = await TestSignIn.HttpClientAsync(_factory, _outsider);
        var row = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/v1/saved-searches")).EnumerateArray());
        Assert.Equal((theme, "fr", themeName), (row.GetProperty("theme").GetInt32(), row.GetProperty("language").GetString(), row.GetProperty("themeName").GetString()));
        Assert.Equal($"/search?q=bilbywort&language=fr&theme={theme}", row.GetProperty("path").GetString());

        await SearchArrange.DocumentAsync(_factory, tagged.Id, "Bilbywort note française", "Une note bilbywort.", language: "fr");
        await SearchArrange.DocumentAsync(_factory, tagged.Id, "Bilbywort English note", "A bilbywort note.");
        await SearchArrange.DocumentAsync(_factory, _public.Id, "Bilbywort note sans thème", "Une note bilbywort.", language: "fr");
        // Tagged and in French, but the outsider may not read it when the mail is sent.
        await SearchArrange.DocumentAsync(_factory, closedTagged.Id, "Bilbywort note réservée", "Une note bilbywort.", language: "fr");

        var mail = Assert.Single(await WeekPassesAsync());
        Assert.Contains("Bilbywort note française", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Bilbywort English note", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("sans thème", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("réservée", mail.Body, StringComparison.Ordinal);
        Assert.Contains("1 new result for “bilbywort”", mail.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("theme", 987654, "There is no such theme.")]
    [InlineData("objective", 24, "A GCM objective is a number from 1 to 23.")]
    [InlineData("level", "royal", "There is no such meeting level.")]
    [InlineData("language", "xx", "Give a language by its two-letter code (ISO 639-1), such as “fr”.")]
    [InlineData("region", "Atlantis", "There is no such region.")]
    public async Task A_facet_value_that_does_not_exist_is_refused_and_nothing_is_stored(string field, object value, string message)
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _member);
        using var response = await api.PostAsJsonAsync("/api/v1/saved-searches", new Dictionary<string, object> { ["q"] = "return", [field] = value });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.SavedSearches.AnyAsync());
    }

    [Fact]
    public async Task A_reader_who_lost_their_role_is_not_mailed_what_they_may_no_longer_see()
    {
        await SaveAsync(_member, "numbatic", "Numbats");
        await using (var scope = _factory.Scope())
        {
            await scope.Db.ProcessRoleAssignments.Where(a => a.UserId == _member.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.RevokedAt, DateTimeOffset.UtcNow.AddMinutes(-5)));
        }
        await SearchArrange.DocumentAsync(_factory, _membersOnly.Id, "Numbatic closed note", "For the members only.");
        Assert.Empty(await WeekPassesAsync());

        await SearchArrange.DocumentAsync(_factory, _public.Id, "Numbatic open note", "For everyone.");
        var mail = Assert.Single(await WeekPassesAsync());
        Assert.Contains("Numbatic open note", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Numbatic closed note", mail.Body, StringComparison.Ordinal);
    }
}
