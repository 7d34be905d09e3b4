using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Manage;

/// <summary>Every page and endpoint of the secretariat's management and of the audit log, tried by each kind of
/// person: nobody signed in, someone with a role in another process, an observer and the chair of the process,
/// its secretariat, and a platform administrator.</summary>
public sealed class ManageAuthorizationTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private readonly Dictionary<string, HtmlClient> _clients = [];
    private Ids _ids = null!;

    private sealed record Ids(int Membership, int ChairTerm, int Body, int BodyMember);

    public enum Who
    {
        Anonymous,
        OtherProcessSecretariat,
        Observer,
        Chair,
        Secretariat,
        Administrator,
    }

    /// <summary>What each page or endpoint is for; who may reach it follows from that.</summary>
    private enum Audience
    {
        SecretariatOnly,
        SecretariatAndChair,
        AdministratorsOnly,
    }

    private sealed record Target(string Method, string Url, Audience Audience, bool IsApi, string? Body = null)
    {
        public override string ToString() => $"{Method} {Url}";
    }

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await TestUsers.CreateUserAsync(_factory, "sec.bali@example.org", ("bali-process", ProcessRole.Secretariat));
        await TestUsers.CreateUserAsync(_factory, "observer.midsa@example.org", ("midsa", ProcessRole.Observer));
        await TestUsers.CreateUserAsync(_factory, "chair.midsa@example.org", ("midsa", ProcessRole.Chair));
        await TestUsers.CreateUserAsync(_factory, "sec.midsa@example.org", ("midsa", ProcessRole.Secretariat));
        await TestUsers.CreateAdministratorAsync(_factory, "admin@example.org");
        _clients[nameof(Who.Anonymous)] = HtmlClient.For(_factory);
        _clients[nameof(Who.OtherProcessSecretariat)] = await TestUsers.SignInAsync(_factory, "sec.bali@example.org");
        _clients[nameof(Who.Observer)] = await TestUsers.SignInAsync(_factory, "observer.midsa@example.org");
        _clients[nameof(Who.Chair)] = await TestUsers.SignInAsync(_factory, "chair.midsa@example.org");
        _clients[nameof(Who.Secretariat)] = await TestUsers.SignInAsync(_factory, "sec.midsa@example.org");
        _clients[nameof(Who.Administrator)] = await TestUsers.SignInAsync(_factory, "admin@example.org");

        await using var scope = _factory.Scope();
        var db = scope.Db;
        var midsa = await db.Processes.SingleAsync(p => p.Slug == "midsa");
        var membership = await db.Memberships.Where(m => m.ProcessId == midsa.Id && m.StateCode == "ZAF").Select(m => m.Id).SingleAsync();
        var term = new ChairTerm { ProcessId = midsa.Id, StateCode = "MDG", StartYear = 2025 };
        var body = new Body { ProcessId = midsa.Id, Kind = BodyKind.SteeringCommittee, Name = "Steering Committee" };
        body.Members.Add(new BodyMember { StateCode = "AGO" });
        db.AddRange(term, body);
        await db.SaveChangesAsync();
        _ids = new Ids(membership, term.Id, body.Id, body.Members[0].Id);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        await _factory.DisposeAsync();
    }

    private IEnumerable<Target> Targets()
    {
        const string m = "/processes/midsa/manage";
        yield return new("GET", m, Audience.SecretariatAndChair, false);
        yield return new("GET", $"{m}/profile", Audience.SecretariatOnly, false);
        yield return new("GET", $"{m}/membership", Audience.SecretariatOnly, false);
        yield return new("GET", $"{m}/membership/{_ids.Membership}", Audience.SecretariatOnly, false);
        yield return new("GET", $"{m}/chairs", Audience.SecretariatOnly, false);
        yield return new("GET", $"{m}/chairs/{_ids.ChairTerm}", Audience.SecretariatOnly, false);
        yield return new("GET", $"{m}/bodies", Audience.SecretariatOnly, false);
        yield return new("GET", $"{m}/bodies/{_ids.Body}", Audience.SecretariatOnly, false);
        yield return new("GET", $"{m}/bodies/{_ids.Body}/members/{_ids.BodyMember}", Audience.SecretariatOnly, false);
        yield return new("GET", $"{m}/audit", Audience.SecretariatAndChair, false);
        yield return new("GET", "/admin/audit", Audience.AdministratorsOnly, false);

        // Bodies that fail validation: an allowed caller gets 400 and nothing changes.
        const string a = "/api/v1/processes/midsa";
        yield return new("GET", $"{a}/profile", Audience.SecretariatOnly, true);
        yield return new("PUT", $"{a}/profile", Audience.SecretariatOnly, true, "{}");
        yield return new("PATCH", $"{a}/profile", Audience.SecretariatOnly, true, """{"name":""}""");
        yield return new("GET", $"{a}/memberships", Audience.SecretariatOnly, true);
        yield return new("GET", $"{a}/memberships/{_ids.Membership}", Audience.SecretariatOnly, true);
        yield return new("POST", $"{a}/memberships", Audience.SecretariatOnly, true, "{}");
        yield return new("POST", $"{a}/memberships/{_ids.Membership}/end", Audience.SecretariatOnly, true, "{}");
        yield return new("POST", $"{a}/memberships/{_ids.Membership}/change-to-member", Audience.SecretariatOnly, true, "{}");
        yield return new("GET", $"{a}/chair-terms", Audience.SecretariatOnly, true);
        yield return new("POST", $"{a}/chair-terms", Audience.SecretariatOnly, true, "{}");
        yield return new("PUT", $"{a}/chair-terms/{_ids.ChairTerm}", Audience.SecretariatOnly, true, "{}");
        yield return new("DELETE", $"{a}/chair-terms/999999", Audience.SecretariatOnly, true);
        yield return new("GET", $"{a}/chair-rotation", Audience.SecretariatOnly, true);
        yield return new("PUT", $"{a}/chair-rotation", Audience.SecretariatOnly, true, """{"order":["XXX"]}""");
        yield return new("GET", $"{a}/chair-schedule", Audience.SecretariatOnly, true);
        yield return new("GET", $"{a}/bodies", Audience.SecretariatOnly, true);
        yield return new("GET", $"{a}/bodies/{_ids.Body}", Audience.SecretariatOnly, true);
        yield return new("POST", $"{a}/bodies", Audience.SecretariatOnly, true, "{}");
        yield return new("PUT", $"{a}/bodies/{_ids.Body}", Audience.SecretariatOnly, true, "{}");
        yield return new("POST", $"{a}/bodies/{_ids.Body}/members", Audience.SecretariatOnly, true, "{}");
        yield return new("PUT", $"{a}/bodies/{_ids.Body}/members/{_ids.BodyMember}", Audience.SecretariatOnly, true, """{"joinedOn":"2020-01-01","leftOn":"2019-01-01"}""");
        yield return new("GET", $"{a}/audit", Audience.SecretariatAndChair, true);
        yield return new("GET", "/api/v1/audit", Audience.AdministratorsOnly, true);
    }

    private static bool Allowed(Who who, Audience audience) => who switch
    {
        Who.Administrator => true,
        Who.Secretariat => audience != Audience.AdministratorsOnly,
        Who.Chair => audience == Audience.SecretariatAndChair,
        _ => false,
    };

    [Theory]
    [InlineData(Who.Anonymous)]
    [InlineData(Who.OtherProcessSecretariat)]
    [InlineData(Who.Observer)]
    [InlineData(Who.Chair)]
    [InlineData(Who.Secretariat)]
    [InlineData(Who.Administrator)]
    public async Task Each_page_and_endpoint_answers_as_the_access_rules_say(Who who)
    {
        var client = _clients[who.ToString()];
        var wrong = new List<string>();
        var targets = Targets().ToList();
        foreach (var target in targets)
        {
            var expected = who == Who.Anonymous ? "sign in" : Allowed(who, target.Audience) ? "allowed" : "denied";
            var actual = target.IsApi ? await ApiAsync(client, target) : await PageAsync(client, target);
            if (actual != expected)
            {
                wrong.Add($"{target}: expected {expected}, got {actual}");
            }
        }
        Assert.True(wrong.Count == 0, $"{who}:\n" + string.Join("\n", wrong));
        Assert.True(targets.Count > 30);
    }

    /// <summary>Pages redirect to sign in or to the access-denied page (followed here, so the final address says which).</summary>
    private static async Task<string> PageAsync(HtmlClient client, Target target)
    {
        var page = await client.GetAsync(target.Url);
        if (page.Url.StartsWith("/account/sign-in", StringComparison.Ordinal))
        {
            return "sign in";
        }
        if (page.Url.StartsWith("/account/access-denied", StringComparison.Ordinal))
        {
            return "denied";
        }
        return page.Status == HttpStatusCode.OK && page.Url == target.Url ? "allowed" : $"{page.Status} at {page.Url}";
    }

    /// <summary>The API answers 401 or 403 with problem details, never a redirect.</summary>
    private static async Task<string> ApiAsync(HtmlClient client, Target target)
    {
        using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url);
        if (target.Body is not null)
        {
            request.Content = new StringContent(target.Body, Encoding.UTF8, "application/json");
        }
        using var response = await client.Http.SendAsync(request);
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized when problem => "sign in",
            HttpStatusCode.Forbidden when problem => "denied",
            HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound
                when response.RequestMessage!.RequestUri!.AbsolutePath == target.Url => "allowed",
            _ => $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} at {response.RequestMessage!.RequestUri}",
        };
    }

    [Fact]
    public async Task An_administrator_gets_not_found_for_a_process_that_does_not_exist()
    {
        var admin = _clients[nameof(Who.Administrator)];
        var page = await admin.GetAsync("/processes/no-such-process/manage/membership");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        using var response = await admin.Http.GetAsync("/api/v1/processes/no-such-process/memberships");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_dashboard_links_only_to_what_the_person_may_do()
    {
        var secretariat = await _clients[nameof(Who.Secretariat)].GetAsync("/processes/midsa/manage");
        var chair = await _clients[nameof(Who.Chair)].GetAsync("/processes/midsa/manage");

        var secretariatLinks = secretariat.Document.QuerySelectorAll(".manage-tasks a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/processes/midsa/manage/membership", secretariatLinks);
        Assert.Contains("/processes/midsa/manage/invitations", secretariatLinks);
        Assert.Contains("/processes/midsa/manage/audit", secretariatLinks);
        Assert.Contains("/processes/midsa/meetings", secretariatLinks);
        Assert.Equal(["/processes/midsa/representation", "/processes/midsa/manage/audit"], chair.Document.QuerySelectorAll(".manage-tasks a").Select(a => a.GetAttribute("href")));
        Assert.Contains("16", secretariat.Text(".stats"));
    }
}
