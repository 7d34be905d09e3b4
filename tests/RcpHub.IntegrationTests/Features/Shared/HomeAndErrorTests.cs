using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Shared;

public sealed class HomeAndErrorTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Home_page_counts_the_seeded_processes()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("31", page.Text(".stats"));
    }

    [Fact]
    public async Task Home_page_counts_current_member_states_and_says_so_not_observers_or_former_members()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        int members, anyRole;
        await using (var scope = _factory.Scope())
        {
            // A state that only observes and one that has left: the old count took both for participants.
            var outsiders = await scope.Db.States.Where(s => !scope.Db.Memberships.Any(m => m.StateCode == s.Code)).OrderBy(s => s.Code).Select(s => s.Code).Take(2).ToListAsync();
            var midsa = await scope.Db.Processes.Where(p => p.Slug == "midsa").Select(p => p.Id).SingleAsync();
            scope.Db.Memberships.Add(new Membership { ProcessId = midsa, StateCode = outsiders[0], Role = MembershipRole.Observer });
            scope.Db.Memberships.Add(new Membership { ProcessId = midsa, StateCode = outsiders[1], Role = MembershipRole.Member, LeftOn = today.AddDays(-1) });
            await scope.Db.SaveChangesAsync();
            var states = scope.Db.Memberships.Where(m => m.StateCode != null);
            members = await states.Where(m => m.Role == MembershipRole.Member && (m.LeftOn == null || m.LeftOn > today)).Select(m => m.StateCode).Distinct().CountAsync();
            anyRole = await states.Select(m => m.StateCode).Distinct().CountAsync();
        }
        Assert.Equal(anyRole - 2, members);

        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/");

        Assert.Equal($"{members} states are current members of a process (observers and former members not counted)", page.Texts(".stats li")[1]);
    }

    [Fact]
    public async Task An_unknown_address_shows_a_not_found_page()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Text("h1"));
    }

    [Fact]
    public async Task A_form_that_cannot_be_read_is_refused_as_a_bad_request()
    {
        using var client = HtmlClient.For(_factory);
        var signIn = await client.GetAsync("/account/sign-in");
        // A NUL character: the framework cannot read the form at all (not even its antiforgery token).
        var refused = await client.SubmitAsync(signIn, "form#sign-in", new Dictionary<string, string> { ["Input.Email"] = "someone\0@example.org", ["Input.Password"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("Bad request", refused.Text("h1"));
    }

    [Theory]
    [InlineData("/error?status=404", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/error?status=99999", HttpStatusCode.InternalServerError, "Something went wrong")]
    [InlineData("/error", HttpStatusCode.InternalServerError, "Something went wrong")]
    public async Task The_error_page_visited_directly_shows_the_error_its_address_names(string url, HttpStatusCode status, string title)
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync(url);
        Assert.Equal(status, page.Status);
        Assert.Equal(title, page.Text("h1"));
    }

    [Fact]
    public async Task An_unknown_api_address_answers_with_problem_details()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_language_picker_switches_the_page_to_Arabic_right_to_left()
    {
        using var client = HtmlClient.For(_factory);
        var home = await client.GetAsync("/");
        var arabic = await client.SubmitAsync(home, "form.language", new Dictionary<string, string> { ["culture"] = "ar" });
        Assert.Equal("rtl", arabic.Document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ar", arabic.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("العمليات التشاورية الإقليمية بشأن الهجرة", arabic.Text("h1"));
    }

    [Fact]
    public async Task Accept_Language_chooses_the_page_language()
    {
        using var client = HtmlClient.For(_factory, acceptLanguage: "fr-FR,fr;q=0.9");
        var page = await client.GetAsync("/");
        Assert.Equal("fr", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Processus consultatifs régionaux sur la migration", page.Text("h1"));
    }
}
