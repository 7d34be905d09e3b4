using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.Infrastructure.Email;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Officials;

/// <summary>The directory of officials (issue 12): a focal point finds the official in charge of a file in another member
/// state of their process, reads their profile (ministry, position, files, languages, processes and bodies) and asks them
/// for contact; the address is shown, and mailed, only once the other accepts. A request to oneself, to someone outside
/// one's processes or twice while one is pending is refused and nothing is stored; an outsider finds, counts and reads
/// nothing; a person who left the directory is found by nobody.</summary>
public sealed class DirectoryTests : IAsyncLifetime
{
    private const string MoroccoEmail = "directory.mar@example.org";
    private const string SenegalEmail = "directory.sen@example.org";
    private const string OutsiderEmail = "directory.outsider@example.org";

    private SmtpCatcher _smtp = null!;
    private RcpHubFactory _factory = null!;
    private AppUser _morocco = null!, _senegal = null!, _outsider = null!, _noRole = null!, _observer = null!;
    private int _theme;
    private string _themeName = "";

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpCatcher.StartAsync();
        _factory = await RcpHubFactory.CreateAsync(_smtp.Configure);
        await PageCatalogue.PrepareAsync(_factory);
        await using var scope = _factory.Scope();
        var db = scope.Db;
        var demo = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        var theme = await db.Themes.OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).FirstAsync();
        (_theme, _themeName) = (theme.Id, theme.Name);
        // An official of another process, whose state is a member there and who shares no process with the demo's people.
        var other = await db.Processes.Where(p => p.Id != demo && p.Memberships.Any(m => m.StateCode != null && m.Role == MembershipRole.Member && m.LeftOn == null))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, State = p.Memberships.Where(m => m.StateCode != null && m.Role == MembershipRole.Member && m.LeftOn == null).Select(m => m.StateCode!).First() })
            .FirstAsync();
        _morocco = await TestSignIn.CreateUserAsync(_factory, MoroccoEmail, roles: new ReaderRole(demo, ProcessRole.FocalPoint, "MAR"));
        _senegal = await TestSignIn.CreateUserAsync(_factory, SenegalEmail, roles: new ReaderRole(demo, ProcessRole.FocalPoint, "SEN"));
        _outsider = await TestSignIn.CreateUserAsync(_factory, OutsiderEmail, roles: new ReaderRole(other.Id, ProcessRole.FocalPoint, other.State));
        _noRole = await TestSignIn.CreateUserAsync(_factory, "directory.none@example.org");
        _observer = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "observer@demo.rcphub.test");
        // Senegal's official reads Spanish: the request reaches them in Spanish.
        await db.Users.Where(u => u.Id == _senegal.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "es"));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<int> RequestsAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.Db.ContactRequests.CountAsync();
    }

    private async Task<int> ContactMailAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.Db.OutboxMessages.CountAsync(m => m.Kind == MailKind.ContactRequested || m.Kind == MailKind.ContactAnswered);
    }

    private async Task DescribeSenegalAsync()
    {
        using var senegal = await TestSignIn.HtmlClientAsync(_factory, _senegal);
        var form = await senegal.GetAsync("/directory/profile");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        // Their roles place them in the demo process and, through Senegal's seat, in its steering committee.
        Assert.Contains("DEMO Steering Committee", form.Texts("#bodies li").Single());
        var saved = await senegal.SubmitAsync(form, "#directory-profile", new Dictionary<string, string>
        {
            ["Input.Position"] = "Head of the labour mobility unit",
            ["Input.Ministry"] = "Ministry of Labour",
            ["Input.ThemeIds"] = _theme.ToString(CultureInfo.InvariantCulture),
            ["Input.Languages"] = "fr",
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Your profile is saved.", saved.Html);
    }

    [Fact]
    public async Task An_official_finds_another_states_official_by_file_and_sees_their_address_only_once_they_accept()
    {
        await DescribeSenegalAsync();
        using var morocco = await TestSignIn.HtmlClientAsync(_factory, _morocco);

        // Found by state and file, counted, with what they handle; no address anywhere.
        var found = await morocco.GetAsync($"/directory?state=SEN&theme={_theme}");
        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal("1 official found", found.Text("#officials-count"));
        Assert.Contains("directory.sen", found.Text("#officials"));
        Assert.Contains(_themeName, found.Text("#officials"));
        Assert.DoesNotContain(SenegalEmail, found.Html);
        var profile = await morocco.GetAsync($"/directory/people/{_senegal.Id}");
        Assert.Equal(HttpStatusCode.OK, profile.Status);
        Assert.Contains("Head of the labour mobility unit", profile.Html);
        Assert.Contains("Ministry of Labour", profile.Html);
        Assert.Contains("DEMO Steering Committee", profile.Text("#bodies"));
        Assert.DoesNotContain(SenegalEmail, profile.Html);
        using var api = await TestSignIn.HttpClientAsync(_factory, _morocco);
        Assert.DoesNotContain(SenegalEmail, await api.GetStringAsync($"/api/v1/directory/people/{_senegal.Id}"));
        Assert.DoesNotContain(SenegalEmail, await api.GetStringAsync("/api/v1/directory/people?theme=" + _theme));

        // The request: Senegal's official is told in Spanish, without the asker's address.
        var asked = await morocco.SubmitAsync(profile, "#request-contact", new Dictionary<string, string> { ["Contact.Message"] = "About fair recruitment." });
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("Your request is sent.", asked.Html);
        Assert.NotNull(asked.Document.QuerySelector("#contact-pending"));
        Assert.DoesNotContain(SenegalEmail, asked.Html);
        var request = await _smtp.WaitForMessageToAsync(SenegalEmail, TimeSpan.FromSeconds(30));
        Assert.Contains("solicita ponerse en contacto", request.Subject);
        Assert.Contains("About fair recruitment.", request.Body);
        Assert.DoesNotContain(MoroccoEmail, request.Body);
        Assert.DoesNotContain(SenegalEmail, await api.GetStringAsync("/api/v1/directory/contact-requests"));
        using var senegalApi = await TestSignIn.HttpClientAsync(_factory, _senegal);
        Assert.DoesNotContain(MoroccoEmail, await senegalApi.GetStringAsync("/api/v1/directory/contact-requests"));
        Assert.DoesNotContain(MoroccoEmail, await senegalApi.GetStringAsync($"/api/v1/directory/people/{_morocco.Id}"));

        // Twice while it is pending: refused with a message, nothing more stored.
        using var twice = await api.PostAsJsonAsync($"/api/v1/directory/people/{_senegal.Id}/contact-requests", new { message = "Again." });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("waits for their answer", await twice.Content.ReadAsStringAsync());
        Assert.Equal(1, await RequestsAsync());

        // Accepted: each sees the other's address, and the asker is mailed it.
        using var senegal = await TestSignIn.HtmlClientAsync(_factory, _senegal);
        var waiting = await senegal.GetAsync("/directory/contacts");
        Assert.Contains("directory.mar", waiting.Text("#received"));
        Assert.DoesNotContain(MoroccoEmail, waiting.Html);
        var accepted = await senegal.SubmitAsync(waiting, "#received form.inline", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Contains(MoroccoEmail, accepted.Text("#contacts"));
        var answer = await _smtp.WaitForMessageToAsync(MoroccoEmail, TimeSpan.FromSeconds(30));
        Assert.Contains("accepted your contact request", answer.Subject);
        Assert.Contains(SenegalEmail, answer.Body);
        Assert.Equal(SenegalEmail, (await morocco.GetAsync($"/directory/people/{_senegal.Id}")).Text("#contact-email a"));
        var contacts = await api.GetFromJsonAsync<JsonElement>("/api/v1/directory/contact-requests");
        Assert.Equal("Accepted", contacts[0].GetProperty("status").GetString());
        Assert.Equal(SenegalEmail, contacts[0].GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_request_to_oneself_or_outside_ones_processes_is_refused_and_nothing_is_stored()
    {
        using var outsider = await TestSignIn.HttpClientAsync(_factory, _outsider);
        using var outside = await outsider.PostAsJsonAsync($"/api/v1/directory/people/{_morocco.Id}/contact-requests", new { message = "Hello." });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("only the officials of a process you take part in", await outside.Content.ReadAsStringAsync());

        using var morocco = await TestSignIn.HttpClientAsync(_factory, _morocco);
        using var self = await morocco.PostAsJsonAsync($"/api/v1/directory/people/{_morocco.Id}/contact-requests", new { });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("ask yourself", await self.Content.ReadAsStringAsync());
        using var nobody = await morocco.PostAsJsonAsync("/api/v1/directory/people/no-such-person/contact-requests", new { });
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);

        // Someone who left the directory is asked by nobody either, nor found.
        using var senegal = await TestSignIn.HttpClientAsync(_factory, _senegal);
        using var leave = await senegal.PutAsJsonAsync("/api/v1/directory/profile", new { leftOut = true, languages = new[] { "es" } });
        Assert.Equal(HttpStatusCode.OK, leave.StatusCode);
        using var leftOut = await morocco.PostAsJsonAsync($"/api/v1/directory/people/{_senegal.Id}/contact-requests", new { });
        Assert.Equal(HttpStatusCode.BadRequest, leftOut.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await morocco.GetAsync($"/api/v1/directory/people/{_senegal.Id}")).StatusCode);
        var list = await morocco.GetFromJsonAsync<JsonElement>("/api/v1/directory/people?state=SEN");
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        Assert.Equal(0, await RequestsAsync());
        Assert.Equal(0, await ContactMailAsync());
    }

    [Fact]
    public async Task An_outsider_finds_counts_and_sees_nothing_of_a_profile()
    {
        await DescribeSenegalAsync();
        // An official of another process: admitted to the directory, but none of the demo's officials is in theirs.
        using var outsider = await TestSignIn.HtmlClientAsync(_factory, _outsider);
        var all = await outsider.GetAsync("/directory");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.DoesNotContain("directory.sen", all.Html);
        Assert.DoesNotContain("directory.mar", all.Html);
        var byState = await outsider.GetAsync($"/directory?state=SEN&theme={_theme}");
        Assert.NotNull(byState.Document.QuerySelector("#no-officials"));
        Assert.Null(byState.Document.QuerySelector("#officials-count"));
        Assert.DoesNotContain("directory.sen", byState.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/directory/people/{_senegal.Id}")).Status);
        using var api = await TestSignIn.HttpClientAsync(_factory, _outsider);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people?state=SEN&theme={_theme}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.DoesNotContain(_senegal.Id, await api.GetStringAsync("/api/v1/directory/people"));
        using var person = await api.GetAsync($"/api/v1/directory/people/{_senegal.Id}");
        Assert.Equal(HttpStatusCode.NotFound, person.StatusCode);
        Assert.DoesNotContain("Head of the labour mobility unit", await person.Content.ReadAsStringAsync());

        // Signed in without a role, or as an observer: not in the directory, and refused it.
        using var noRole = await TestSignIn.HttpClientAsync(_factory, _noRole);
        Assert.Equal(HttpStatusCode.Forbidden, (await noRole.GetAsync("/api/v1/directory/people")).StatusCode);
        using var observer = await TestSignIn.HttpClientAsync(_factory, _observer);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync($"/api/v1/directory/people/{_senegal.Id}")).StatusCode);
        // Anonymous: asked to sign in.
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/directory/people/{_senegal.Id}")).StatusCode);

        // The process's own officials find them: the demo secretariat, through the process page's link.
        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, await SecretariatAsync());
        var process = await secretariat.GetAsync("/processes/demo");
        var link = process.Document.QuerySelector("#directory-link")?.GetAttribute("href");
        Assert.NotNull(link);
        Assert.Contains("directory.sen", (await secretariat.GetAsync(link)).Text("#officials"));
        Assert.Null((await outsider.GetAsync("/processes/demo")).Document.QuerySelector("#directory-link"));
    }

    [Fact]
    public async Task An_official_reaches_the_directory_from_their_own_page_and_is_refused_a_bad_profile()
    {
        using var morocco = await TestSignIn.HtmlClientAsync(_factory, _morocco);
        var my = await morocco.GetAsync("/my");
        Assert.NotNull(my.Document.QuerySelector("#my-directory a[href='/directory']"));
        using var noRole = await TestSignIn.HtmlClientAsync(_factory, _noRole);
        Assert.Null((await noRole.GetAsync("/my")).Document.QuerySelector("#my-directory"));

        var form = await morocco.GetAsync("/directory/profile");
        var refused = await morocco.SubmitAsync(form, "#directory-profile", new Dictionary<string, string>
        {
            ["Input.Position"] = new string('x', DirectoryLimits.Position + 1),
            ["Input.ThemeIds"] = "987654",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Keep the position within", refused.Html);
        using var api = await TestSignIn.HttpClientAsync(_factory, _morocco);
        using var languages = await api.PutAsJsonAsync("/api/v1/directory/profile", new { languages = new[] { "xx" } });
        Assert.Equal(HttpStatusCode.BadRequest, languages.StatusCode);
        Assert.Equal("application/problem+json", languages.Content.Headers.ContentType?.MediaType);
        await using var scope = _factory.Scope();
        Assert.Equal(0, await scope.Db.DirectoryProfiles.CountAsync(p => p.UserId == _morocco.Id));
    }

    [Fact]
    public async Task The_directory_pages_stay_within_the_query_budget_however_many_officials_it_lists()
    {
        await using (var scope = _factory.Scope())
        {
            var demo = await scope.Db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
            for (var i = 0; i < 30; i++)
            {
                var official = await TestSignIn.CreateUserAsync(_factory, $"directory.many{i}@example.org",
                    roles: new ReaderRole(demo, ProcessRole.FocalPoint, i % 2 == 0 ? "SEN" : "MAR"));
                scope.Db.DirectoryProfiles.Add(new DirectoryProfile
                {
                    UserId = official.Id, Position = $"Officer {i}", Languages = "en fr",
                    Themes = [new DirectoryProfileTheme { UserId = official.Id, ThemeId = _theme }],
                });
                scope.Db.ContactRequests.Add(new ContactRequest
                {
                    FromUserId = official.Id, ToUserId = _morocco.Id, Status = ContactRequestStatus.Pending,
                    PendingKey = ContactRequest.PendingKeyOf(official.Id, _morocco.Id), CreatedAt = DateTimeOffset.UtcNow,
                });
            }
            await scope.Db.SaveChangesAsync();
        }
        using var morocco = await TestSignIn.HtmlClientAsync(_factory, _morocco);
        var over = new List<string>();
        foreach (var address in new[] { "/directory", $"/directory?theme={_theme}&state=SEN", $"/directory/people/{_senegal.Id}", "/directory/profile", "/directory/contacts", "/my" })
        {
            await morocco.GetAsync(address);
            _factory.Queries.Reset();
            var page = await morocco.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            if (_factory.Queries.Count > 10)
            {
                over.Add($"{address}: {_factory.Queries.Count} queries");
            }
        }
        Assert.True(over.Count == 0, "Over the budget of 10 queries:\n" + string.Join("\n", over));
        Assert.Equal(30, (await morocco.GetAsync("/directory/contacts")).Document.QuerySelectorAll("#received li").Length);
    }

    private async Task<AppUser> SecretariatAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
    }
}
