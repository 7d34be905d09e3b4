using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Features.Documents;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Features.Processes;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Organizations;

/// <summary>The civil society registry (issue 11): self-registration, the secretariats' verification, the public
/// directory and its filters, an organisation's page, and what stays with its representatives and the secretariats.</summary>
public sealed class CivilSocietyRegistryTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static Dictionary<string, string> Registration(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.Acronym"] = "",
        ["Input.Type"] = "MigrantOrDiasporaAssociation",
        ["Input.MigrantLed"] = "true",
        ["Input.CountryCodes"] = "SEN",
        ["Input.Languages"] = "fr",
        ["Input.Website"] = "https://example.org/diaspora",
        ["Input.Description"] = "Senegalese diaspora in Europe.",
    };

    private async Task<Organization?> FindAsync(string name)
    {
        await using var scope = _factory.Scope();
        return await scope.Db.Organizations.AsNoTracking().Include(o => o.Themes).SingleOrDefaultAsync(o => o.Name == name);
    }

    [Fact]
    public async Task A_signed_in_person_registers_an_organisation_with_evidence_and_becomes_its_contact_person()
    {
        const string email = "amina.diallo@example.org";
        var person = await TestUsers.CreateUserAsync(_factory, email);
        using var client = await TestUsers.SignInAsync(_factory, email);
        var form = await client.GetAsync("/organizations/register");
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var registered = await client.SubmitAsync(form, "#register-form", Registration("Diaspora Sénégalaise Solidaire"),
            files: new Dictionary<string, (string, byte[])> { ["Evidence"] = ("statutes.pdf", DocumentFiles.Pdf("Statutes of the association")) });

        Assert.Equal(HttpStatusCode.OK, registered.Status);
        Assert.Contains("The organisation is registered.", registered.Html, StringComparison.Ordinal);
        var organization = await FindAsync("Diaspora Sénégalaise Solidaire");
        Assert.NotNull(organization);
        Assert.Equal(OrganizationKind.CivilSociety, organization.Kind);
        Assert.Equal(CivilSocietyType.MigrantOrDiasporaAssociation, organization.CivilSocietyType);
        Assert.True(organization.MigrantLed);
        Assert.Equal(["SEN"], organization.CountryCodes);
        Assert.Equal(VerificationStatus.Pending, organization.Verification);
        Assert.EndsWith("/organizations/" + organization.Slug, registered.Url, StringComparison.Ordinal);
        Assert.Equal("Not yet verified", registered.Document.DefinitionOf("Verification"));
        Assert.Contains(email, registered.Text("#contacts"), StringComparison.Ordinal);
        var evidence = registered.Document.QuerySelector("#contacts a[download]")!.GetAttribute("href")!;
        await using (var scope = _factory.Scope())
        {
            Assert.Equal([organization.Id], await scope.Db.OrganizationRepresentatives.ActiveOrganizationIdsFor(person.Id).ToListAsync());
        }
        using (var download = await client.Http.GetAsync(evidence))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        }

        // The public sees the entry, not who to contact nor the evidence.
        using var anonymous = HtmlClient.For(_factory);
        var outside = await anonymous.GetAsync("/organizations/" + organization.Slug);
        Assert.Equal(HttpStatusCode.OK, outside.Status);
        Assert.Null(outside.Document.QuerySelector("#contacts"));
        Assert.DoesNotContain(email, outside.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("statutes.pdf", outside.Html, StringComparison.Ordinal);
        using (var refused = await anonymous.Http.GetAsync(evidence))
        {
            Assert.Contains("/account/sign-in", refused.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        }
        var second = await TestUsers.CreateUserAsync(_factory, "someone.else@example.org");
        using var stranger = await TestUsers.SignInAsync(_factory, "someone.else@example.org");
        var strangerPage = await stranger.GetAsync(evidence);
        Assert.Equal(HttpStatusCode.Forbidden, strangerPage.Status);
        var strangersView = await stranger.GetAsync("/organizations/" + organization.Slug);
        Assert.Null(strangersView.Document.QuerySelector("#contact-form"));

        // Its contact person adds another; an address without an account is refused.
        var own = await client.GetAsync("/organizations/" + organization.Slug);
        var noAccount = await client.SubmitAsync(own, "#contact-form", new Dictionary<string, string> { ["Contact.Email"] = "nobody@example.org" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAccount.Status);
        Assert.Equal("No account has this address: the person needs an account on the platform first.", noAccount.Text("[data-valmsg-for='Contact.Email']"));
        var added = await client.SubmitAsync(own, "#contact-form", new Dictionary<string, string> { ["Contact.Email"] = "someone.else@example.org" });
        Assert.Contains("someone.else@example.org", added.Text("#contacts"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(evidence)).Status);
        await using (var scope = _factory.Scope())
        {
            Assert.True(await scope.Db.OrganizationRepresentatives.ActsForAsync(second.Id, organization.Id));
        }
        using var outsider = await TestSignIn.HttpClientAsync(_factory, await TestUsers.CreateUserAsync(_factory, "outsider@example.org"));
        using var refusedApi = await outsider.PostAsJsonAsync($"/api/v1/civil-society/organizations/{organization.Slug}/contacts", new { email = "outsider@example.org" });
        Assert.Equal(HttpStatusCode.Forbidden, refusedApi.StatusCode);
    }

    [Fact]
    public async Task Bad_registrations_are_refused_field_by_field_and_nothing_is_stored()
    {
        await TestUsers.CreateUserAsync(_factory, "bad.input@example.org");
        using var client = await TestUsers.SignInAsync(_factory, "bad.input@example.org");
        var form = await client.GetAsync("/organizations/register");
        var fields = Registration("");
        fields["Input.CountryCodes"] = "XXX";
        fields["Input.Website"] = "ftp://example.org";
        var refused = await client.SubmitAsync(form, "#register-form", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("Give the name of the organisation.", refused.Text("[data-valmsg-for='Input.Name']"));
        Assert.Equal("Choose countries from the list (at most 60).", refused.Text("[data-valmsg-for='Input.CountryCodes']"));
        Assert.Equal("Give a web address starting with http:// or https://.", refused.Text("[data-valmsg-for='Input.Website']"));

        var notAFile = Registration("Not A File Association");
        var badFile = await client.SubmitAsync(form, "#register-form", notAFile,
            files: new Dictionary<string, (string, byte[])> { ["Evidence"] = ("statutes.pdf", "MZ this is no PDF"u8.ToArray()) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badFile.Status);
        Assert.Null(await FindAsync("Not A File Association"));

        using var api = await TestSignIn.HttpClientAsync(_factory, await TestUsers.CreateUserAsync(_factory, "api.caller@example.org"));
        using var response = await api.PostAsJsonAsync("/api/v1/civil-society/organizations",
            new { name = "Api Association", type = "Ngo", countryCodes = new[] { "MAR" }, languages = new[] { "xx" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("languages", out _), problem.ToString());
        Assert.Null(await FindAsync("Api Association"));

        using var created = await api.PostAsJsonAsync("/api/v1/civil-society/organizations",
            new { name = "Api Association", type = "Ngo", countryCodes = new[] { "MAR" }, languages = new[] { "ar" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var again = await api.PostAsJsonAsync("/api/v1/civil-society/organizations",
            new { name = "Api Association", type = "Ngo", countryCodes = new[] { "MAR" }, languages = new[] { "ar" } });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task A_secretariat_verifies_an_organisation_with_a_note_and_no_one_else_may()
    {
        await PageCatalogue.PrepareAsync(_factory);
        var slug = DemoData.DemoOrganizations[1];
        using var secretariat = await TestUsers.SignInAsync(_factory, "secretariat@demo.rcphub.test");
        var page = await secretariat.GetAsync("/organizations/" + slug);
        Assert.Equal("Not yet verified", page.Document.DefinitionOf("Verification"));

        var declinedWithoutNote = await secretariat.SubmitAsync(page, "#verify-form", new Dictionary<string, string> { ["Verification.Decision"] = "Declined", ["Verification.Note"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, declinedWithoutNote.Status);
        Assert.Equal("Say why in the note: the organisation reads it.", declinedWithoutNote.Text("[data-valmsg-for='Verification.Note']"));

        var verified = await secretariat.SubmitAsync(page, "#verify-form", new Dictionary<string, string> { ["Verification.Decision"] = "Verified", ["Verification.Note"] = "Registration certificate checked." });
        Assert.Equal(HttpStatusCode.OK, verified.Status);
        Assert.StartsWith("Verified by a secretariat", verified.Document.DefinitionOf("Verification"), StringComparison.Ordinal);
        Assert.Contains("Registration certificate checked.", verified.Text("#contacts"), StringComparison.Ordinal);

        // The demo civil society account is its contact person: it reads the note, and cannot verify.
        using var representative = await TestUsers.SignInAsync(_factory, "civil-society@demo.rcphub.test");
        var own = await representative.GetAsync("/organizations/" + slug);
        Assert.Contains("Registration certificate checked.", own.Text("#contacts"), StringComparison.Ordinal);
        Assert.Null(own.Document.QuerySelector("#verify-form"));
        using var api = await TestSignIn.HttpClientAsync(_factory, (await TestUsers.CreateUserAsync(_factory, "not.a.secretariat@example.org")));
        using var forbidden = await api.PostAsJsonAsync($"/api/v1/civil-society/organizations/{slug}/verification", new { decision = "Declined", note = "No." });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(VerificationStatus.Verified, (await FindAsync("Rights at Work Association (demo)"))!.Verification);
    }

    [Fact]
    public async Task The_directory_filters_by_type_country_theme_migrant_led_verification_and_language()
    {
        int theme;
        await using (var scope = _factory.Scope())
        {
            theme = await scope.Db.Themes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            scope.Db.Organizations.AddRange(
                new Organization
                {
                    Slug = "filter-one", Name = "Filter One", Kind = OrganizationKind.CivilSociety, CivilSocietyType = CivilSocietyType.TradeUnion,
                    MigrantLed = true, CountryCodes = ["KEN"], Languages = ["sw", "en"], Verification = VerificationStatus.Verified,
                    Themes = [new OrganizationTheme { ThemeId = theme }],
                },
                new Organization
                {
                    Slug = "filter-two", Name = "Filter Two", Kind = OrganizationKind.CivilSociety, CivilSocietyType = CivilSocietyType.TradeUnion,
                    CountryCodes = ["KEN", "UGA"], Languages = ["en"],
                },
                new Organization
                {
                    Slug = "filter-three", Name = "Filter Three", Kind = OrganizationKind.CivilSociety, CivilSocietyType = CivilSocietyType.Academic,
                    MigrantLed = true, CountryCodes = ["UGA"], Languages = ["fr"], Verification = VerificationStatus.Verified,
                });
            await scope.Db.SaveChangesAsync();
        }
        using var client = HtmlClient.For(_factory);
        async Task<IReadOnlyList<string>> NamesAsync(string query) =>
            (await client.GetAsync("/organizations/civil-society" + query)).Texts(".cso-directory h2 a").Where(n => n.StartsWith("Filter", StringComparison.Ordinal)).ToList();

        Assert.Equal(["Filter One", "Filter Three", "Filter Two"], await NamesAsync(""));
        Assert.Equal(["Filter One", "Filter Two"], await NamesAsync("?type=TradeUnion"));
        Assert.Equal(["Filter Three", "Filter Two"], await NamesAsync("?country=UGA"));
        Assert.Equal(["Filter One"], await NamesAsync($"?theme={theme}"));
        Assert.Equal(["Filter One", "Filter Three"], await NamesAsync("?migrantLed=true"));
        Assert.Equal(["Filter Two"], await NamesAsync("?verified=false"));
        Assert.Equal(["Filter One"], await NamesAsync("?language=sw"));
        Assert.Equal(["Filter One"], await NamesAsync("?type=TradeUnion&verified=true&country=KEN"));

        using var api = HtmlClient.For(_factory).Http;
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/civil-society/organizations?country=UGA&migrantLed=true");
        Assert.Equal(["filter-three"], listed.EnumerateArray().Select(o => o.GetProperty("slug").GetString()).ToList());
        using var badChoice = await api.GetAsync("/api/v1/civil-society/organizations?type=Club");
        Assert.Equal(HttpStatusCode.BadRequest, badChoice.StatusCode);
    }

    [Fact]
    public async Task An_organisation_page_and_the_metrics_show_only_public_meetings()
    {
        var bp = await Arrange.ProcessIdAsync(_factory, "bp");
        var open = await Arrange.MeetingAsync(_factory, bp, "Open consultation with civil society", MeetingAudience.Public, daysFromNow: -400);
        var closed = await Arrange.MeetingAsync(_factory, bp, "Closed senior officials meeting", MeetingAudience.MembersOnly, daysFromNow: -300);
        var cancelled = await Arrange.MeetingAsync(_factory, bp, "Cancelled public meeting", MeetingAudience.Public, daysFromNow: -200,
            configure: m => m.Status = MeetingStatus.Cancelled);
        await using (var scope = _factory.Scope())
        {
            var led = new Organization { Slug = "metrics-led", Name = "Metrics Led", Kind = OrganizationKind.CivilSociety, CivilSocietyType = CivilSocietyType.Ngo, MigrantLed = true, CountryCodes = ["IDN"], Languages = ["id"] };
            var other = new Organization { Slug = "metrics-other", Name = "Metrics Other", Kind = OrganizationKind.CivilSociety, CivilSocietyType = CivilSocietyType.Academic, CountryCodes = ["AUS", "IDN"], Languages = ["en"] };
            scope.Db.Organizations.AddRange(led, other);
            await scope.Db.SaveChangesAsync();
            scope.Db.MeetingInvitees.AddRange(
                new MeetingInvitee { MeetingId = open.Id, OrganizationId = led.Id },
                new MeetingInvitee { MeetingId = open.Id, OrganizationId = other.Id },
                new MeetingInvitee { MeetingId = closed.Id, OrganizationId = led.Id },
                new MeetingInvitee { MeetingId = cancelled.Id, OrganizationId = led.Id });
            await scope.Db.SaveChangesAsync();
        }
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/organizations/metrics-led");
        Assert.Equal(["Open consultation with civil society"], page.Texts(".participation-meetings li a"));
        Assert.DoesNotContain("Closed senior officials meeting", page.Html, StringComparison.Ordinal);

        var metrics = await client.GetAsync("/participation");
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.Equal("Civil society places: 2, of which migrant-led: 1", metrics.Text(".result-count"));
        Assert.NotNull(metrics.Document.QuerySelector("figure.participation-chart svg[role=img]"));
        Assert.Equal(["Open consultation with civil society"], metrics.Texts("#meetings-table tbody th"));
        var indonesia = metrics.Document.QuerySelectorAll("#countries-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Indonesia");
        Assert.Equal(["2", "1"], indonesia.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));

        var json = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/participation?process=bp");
        Assert.Equal(2, json.GetProperty("places").GetInt32());
        Assert.Equal(1, json.GetProperty("migrantLed").GetInt32());
        using var unknown = await client.Http.GetAsync("/api/v1/participation?process=no-such-process");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var document = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/civil-society/organizations/metrics-led");
        Assert.Equal(["Open consultation with civil society"], document.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("title").GetString()).ToList());
    }
}
