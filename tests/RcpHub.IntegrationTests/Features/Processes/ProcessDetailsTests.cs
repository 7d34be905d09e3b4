using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Processes;

/// <summary>The page of one process. Tests that arrange data get a database of their own.</summary>
public sealed class ProcessDetailsTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static DateOnly Today(RcpHubFactory factory) =>
        DateOnly.FromDateTime(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    private static async Task<int> ProcessIdAsync(TestScope scope, string slug) =>
        await scope.Db.Processes.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();

    [Fact]
    public async Task MIDSA_shows_its_facts_its_16_member_states_by_name_and_its_sources_as_links()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/processes/midsa");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Migration Dialogue for Southern Africa (MIDSA)", page.Text("h1"));
        Assert.Equal("Regional consultative process", page.Document.DefinitionOf("Kind"));
        Assert.Equal("Africa (Southern Africa)", page.Document.DefinitionOf("Region"));
        Assert.Equal("Active", page.Document.DefinitionOf("Status"));
        Assert.Equal("2000", page.Document.DefinitionOf("Founded"));
        Assert.Equal("Southern African Development Community (SADC)", page.Document.DefinitionOf("Formal regional institution"));
        Assert.Contains("Border management", page.Texts("dl.facts .tags li"));

        var members = page.Document.QuerySelector("#members")!.NextElementSibling!.QuerySelectorAll("li a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(16, members.Count);
        Assert.Contains("Madagascar", members);
        Assert.Contains("South Africa", members);
        Assert.Contains("(16)", page.Text("#members"));

        Assert.Equal("IOM (technical and administrative support to MIDSA)", page.Document.QuerySelector("#secretariat")!.NextElementSibling!.TextContent.Trim());
        Assert.StartsWith("Term-based chairmanship", page.Document.QuerySelector("#chair")!.NextElementSibling!.TextContent.Trim(), StringComparison.Ordinal);

        var sources = page.Document.QuerySelectorAll("ol.sources a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal("https://www.iom.int/migration-dialogue-southern-africa-midsa", sources[0]);
        Assert.Contains("https://ropretoria.iom.int/news/midsa-2023-promoting-regional-integration-through-safe-and-orderly-migration-southern-africa", sources);
        Assert.Contains("Primary source", page.Text("ol.sources li"));

        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/processes/midsa/map" && a.TextContent.Trim() == "Map of membership");
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/processes/midsa/meetings" && a.TextContent.Trim() == "Meetings");
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/processes/midsa/calendar.ics");
        Assert.DoesNotContain(page.Document.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Manage this process");
    }

    [Fact]
    public async Task A_chair_term_inferred_from_a_host_or_incoming_statement_is_marked_so_with_its_source()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/processes/sacm");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("table.chairs tbody tr").ToList();
        var colombia = rows.Single(r => r.TextContent.Contains("Colombia", StringComparison.Ordinal));
        Assert.Contains("Inferred: the source names the host, who chairs by rule.", colombia.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://csmigraciones.org/es/quienes-somos/que-es-la-csm", colombia.QuerySelector(".inferred a")!.GetAttribute("href"));

        using var api = _factory.CreateClient();
        var details = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/processes/sacm");
        var terms = details.GetProperty("chairHistory").EnumerateArray().ToList();
        Assert.Contains(terms, t => t.GetProperty("basis").GetString() == "InferredFromHost" && t.GetProperty("sourceUrl").GetString() == "https://csmigraciones.org/es/quienes-somos/que-es-la-csm");

        // A term the source states is not marked; Vanuatu (PIDC) was only named the incoming chair.
        var midsa = await client.GetAsync("/processes/midsa");
        Assert.Empty(midsa.Document.QuerySelectorAll("table.chairs .inferred"));
        var pidc = await client.GetAsync("/processes/pidc");
        var vanuatu = pidc.Document.QuerySelectorAll("table.chairs tbody tr").Single(r => r.TextContent.Contains("Vanuatu", StringComparison.Ordinal));
        Assert.Contains("Inferred: the source names an incoming chair.", vanuatu.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_values_read_not_known()
    {
        using var client = HtmlClient.For(_factory);

        var eac = await client.GetAsync("/processes/eac-rcp");
        Assert.Equal("Not known", eac.Document.DefinitionOf("Founded"));
        var apc = await client.GetAsync("/processes/apc");
        Assert.Equal("Not known", apc.Document.DefinitionOf("Status"));
    }

    [Fact]
    public async Task The_status_note_of_the_source_is_shown_beside_the_status()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/processes/hld-imrf");

        Assert.Contains("Dormant", page.Document.DefinitionOf("Status"));
        Assert.Contains("succeeded by the IMRF", page.Document.DefinitionOf("Status"));
    }

    [Fact]
    public async Task An_unknown_process_shows_the_not_found_page()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/processes/no-such-process");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Text("h1"));
    }

    [Fact]
    public async Task A_state_that_left_appears_as_former_with_its_date_and_not_among_current_members()
    {
        await using var factory = await RcpHubFactory.CreateAsync();
        var leftOn = Today(factory).AddMonths(-3);
        await using (var scope = factory.Scope())
        {
            var processId = await ProcessIdAsync(scope, "midsa");
            var membership = await scope.Db.Memberships.SingleAsync(m => m.ProcessId == processId && m.StateCode == "ZAF");
            membership.JoinedOn = new DateOnly(2000, 11, 1);
            membership.LeftOn = leftOn;
            await scope.Db.SaveChangesAsync();
        }
        using var client = HtmlClient.For(factory);
        var page = await client.GetAsync("/processes/midsa");

        var members = page.Document.QuerySelector("#members")!.NextElementSibling!.TextContent;
        Assert.DoesNotContain("South Africa", members, StringComparison.Ordinal);
        Assert.Contains("(15)", page.Text("#members"));
        var former = Assert.Single(page.Document.QuerySelectorAll("table.former tbody tr"));
        Assert.Equal("South Africa", former.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(["Member", "1 November 2000", leftOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en"))],
            former.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));

        // A membership that ends in the future is still current.
        await using (var scope = factory.Scope())
        {
            var processId = await ProcessIdAsync(scope, "midsa");
            var angola = await scope.Db.Memberships.SingleAsync(m => m.ProcessId == processId && m.StateCode == "AGO");
            angola.LeftOn = Today(factory).AddMonths(2);
            await scope.Db.SaveChangesAsync();
        }
        page = await client.GetAsync("/processes/midsa");
        Assert.Contains("Angola", page.Document.QuerySelector("#members")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
        Assert.Contains("until", page.Document.QuerySelector("#members")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chair_history_is_newest_first_and_the_rotation_order_schedules_the_next_chairs()
    {
        await using var factory = await RcpHubFactory.CreateAsync();
        var thisYear = Today(factory).Year;
        await using (var scope = factory.Scope())
        {
            var process = await scope.Db.Processes.SingleAsync(p => p.Slug == "midsa");
            // The chair history is exactly the terms arranged here.
            await scope.Db.ChairTerms.Where(t => t.ProcessId == process.Id).ExecuteDeleteAsync();
            process.ChairTermMonths = 12;
            scope.Db.ChairTerms.AddRange(
                new ChairTerm { ProcessId = process.Id, StateCode = "AGO", StartYear = thisYear - 1 },
                new ChairTerm { ProcessId = process.Id, StateCode = "MDG", StartYear = thisYear, StartsOn = new DateOnly(thisYear, 1, 1), Note = "elected at the ministerial meeting" },
                new ChairTerm { ProcessId = process.Id, StateCode = "COD", StartYear = thisYear - 2, EndYear = thisYear - 2 });
            scope.Db.ChairRotationSlots.AddRange(
                new ChairRotationSlot { ProcessId = process.Id, Position = 1, StateCode = "MDG" },
                new ChairRotationSlot { ProcessId = process.Id, Position = 2, StateCode = "ZAF" },
                new ChairRotationSlot { ProcessId = process.Id, Position = 3, StateCode = "BWA" });
            await scope.Db.SaveChangesAsync();
        }
        using var client = HtmlClient.For(factory);
        var page = await client.GetAsync("/processes/midsa");

        var history = page.Document.QuerySelectorAll("table.chairs tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();
        Assert.Equal(["Madagascar", "Angola", "Democratic Republic of the Congo"], history);
        Assert.Contains("elected at the ministerial meeting", page.Text("table.chairs tbody tr"));

        var schedule = page.Document.QuerySelectorAll("table.schedule tbody tr").ToList();
        Assert.Equal(["South Africa", "Botswana", "Madagascar"], schedule.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.Equal($"1 January {thisYear + 1} – 31 December {thisYear + 1}", schedule[0].QuerySelector("th")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_schedule_never_names_a_next_chair_before_the_recorded_term_ends()
    {
        await using var factory = await RcpHubFactory.CreateAsync();
        var today = Today(factory);
        var ends = today.AddMonths(1);
        await using (var scope = factory.Scope())
        {
            var process = await scope.Db.Processes.SingleAsync(p => p.Slug == "midsa");
            await scope.Db.ChairTerms.Where(t => t.ProcessId == process.Id).ExecuteDeleteAsync();
            // Six-month terms, but Madagascar's recorded term began eleven months ago and runs another month.
            process.ChairTermMonths = 6;
            scope.Db.ChairTerms.Add(new ChairTerm { ProcessId = process.Id, StateCode = "MDG", StartYear = today.AddMonths(-11).Year, StartsOn = today.AddMonths(-11), EndsOn = ends });
            scope.Db.ChairRotationSlots.AddRange(
                new ChairRotationSlot { ProcessId = process.Id, Position = 1, StateCode = "MDG" },
                new ChairRotationSlot { ProcessId = process.Id, Position = 2, StateCode = "ZAF" });
            await scope.Db.SaveChangesAsync();
        }
        using var client = HtmlClient.For(factory);
        var page = await client.GetAsync("/processes/midsa");

        var next = page.Document.QuerySelectorAll("table.schedule tbody tr").First();
        Assert.Equal("South Africa", next.QuerySelector("td")!.TextContent.Trim());
        var starts = ends.AddDays(1);
        Assert.StartsWith(starts.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en")).TrimStart('0'), next.QuerySelector("th")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_rotation_order_no_schedule_is_shown()
    {
        await using var factory = await RcpHubFactory.CreateAsync();
        await using (var scope = factory.Scope())
        {
            var process = await scope.Db.Processes.SingleAsync(p => p.Slug == "midsa");
            // The chair history is exactly the terms arranged here.
            await scope.Db.ChairTerms.Where(t => t.ProcessId == process.Id).ExecuteDeleteAsync();
            process.ChairTermMonths = 12;
            scope.Db.ChairTerms.Add(new ChairTerm { ProcessId = process.Id, StateCode = "MDG", StartYear = Today(factory).Year });
            await scope.Db.SaveChangesAsync();
        }
        using var client = HtmlClient.For(factory);
        var page = await client.GetAsync("/processes/midsa");

        Assert.Single(page.Document.QuerySelectorAll("table.chairs tbody tr"));
        Assert.Null(page.Document.QuerySelector("table.schedule"));
        Assert.DoesNotContain("Schedule of future chairs", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secretariat_organizations_and_bodies_are_shown_with_their_roles_and_members()
    {
        await using var factory = await RcpHubFactory.CreateAsync();
        await using (var scope = factory.Scope())
        {
            var processId = await ProcessIdAsync(scope, "midsa");
            var iom = await scope.Db.Organizations.SingleAsync(o => o.Slug == "iom");
            scope.Db.Memberships.Add(new Membership { ProcessId = processId, OrganizationId = iom.Id, Role = MembershipRole.TechnicalSecretariat, Note = "technical and administrative support" });
            scope.Db.Bodies.Add(new Body
            {
                ProcessId = processId,
                Kind = BodyKind.WorkingGroup,
                Name = "Working group on labour migration",
                Mandate = "Prepares the ministerial conference's labour migration agenda.",
                Members =
                [
                    new BodyMember { StateCode = "NAM", IsChair = true },
                    new BodyMember { StateCode = "ZMB" },
                    new BodyMember { OrganizationId = iom.Id },
                ],
            });
            await scope.Db.SaveChangesAsync();
        }
        using var client = HtmlClient.For(factory);
        var page = await client.GetAsync("/processes/midsa");

        var secretariat = page.Document.QuerySelector("#secretariat")!.NextElementSibling!.NextElementSibling!;
        Assert.Contains("IOM", secretariat.TextContent, StringComparison.Ordinal);
        Assert.Contains("Technical secretariat", secretariat.TextContent, StringComparison.Ordinal);
        Assert.Contains(secretariat.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/organizations/iom");

        var body = page.Document.QuerySelector("section.body")!;
        Assert.Equal("Working group on labour migration (Working group)", body.QuerySelector("h3")!.TextContent.Trim());
        Assert.Contains("Prepares the ministerial conference", body.TextContent, StringComparison.Ordinal);
        var bodyMembers = body.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, bodyMembers.Count);
        Assert.StartsWith("Namibia", bodyMembers[0], StringComparison.Ordinal);
        Assert.Contains("(chair)", bodyMembers[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_sees_a_link_to_manage_the_process_and_an_observer_does_not()
    {
        using var secretariat = await RegistryBrowsing.SignedInAsync(_factory, "midsa", ProcessRole.Secretariat);
        var page = await secretariat.GetAsync("/processes/midsa");
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/processes/midsa/manage" && a.TextContent.Trim() == "Manage this process");

        // The same person has no role in another process.
        var other = await secretariat.GetAsync("/processes/midwa");
        Assert.DoesNotContain(other.Document.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Manage this process");

        using var observer = await RegistryBrowsing.SignedInAsync(_factory, "midsa", ProcessRole.Observer);
        var observed = await observer.GetAsync("/processes/midsa");
        Assert.Equal(HttpStatusCode.OK, observed.Status);
        Assert.DoesNotContain(observed.Document.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Manage this process");
    }

    [Fact]
    public async Task The_French_page_names_the_member_states_in_French()
    {
        using var client = HtmlClient.For(_factory, acceptLanguage: "fr");
        var page = await client.GetAsync("/processes/midsa");

        var members = page.Document.QuerySelector("#members")!.NextElementSibling!.QuerySelectorAll("li a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Afrique du Sud", members);
        Assert.DoesNotContain("South Africa", members);
        Assert.Equal("Processus consultatif régional", page.Document.DefinitionOf("Type"));
    }
}
