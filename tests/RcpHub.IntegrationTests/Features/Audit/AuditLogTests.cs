using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Audit;

public sealed class AuditLogTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private HtmlClient _midsa = null!;
    private HtmlClient _admin = null!;
    private int _midsaId;
    private int _baliId;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await TestUsers.CreateUserAsync(_factory, "tendai.moyo@example.org", ("midsa", ProcessRole.Secretariat));
        await TestUsers.CreateAdministratorAsync(_factory, "platform.admin@example.org");
        _midsa = await TestUsers.SignInAsync(_factory, "tendai.moyo@example.org");
        _admin = await TestUsers.SignInAsync(_factory, "platform.admin@example.org");
        await using var scope = _factory.Scope();
        _midsaId = await scope.Db.Processes.Where(p => p.Slug == "midsa").Select(p => p.Id).SingleAsync();
        _baliId = await scope.Db.Processes.Where(p => p.Slug == "bali-process").Select(p => p.Id).SingleAsync();
        // Enough history for more than one page: one chair term a year since 1980.
        scope.Db.ChairTerms.AddRange(Enumerable.Range(1980, 45).Select(year => new ChairTerm { ProcessId = _midsaId, StateCode = "ZAF", StartYear = year }));
        await scope.Db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _midsa.Dispose();
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    private static IReadOnlyList<long> EntryIds(HtmlClient.Page page) =>
        page.Document.QuerySelectorAll("tr.audit-entry").Select(r => long.Parse(r.Id!["entry-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task The_secretariat_sees_only_its_process_and_the_administrator_sees_all()
    {
        var page = await _midsa.GetAsync("/processes/midsa/manage/audit");
        var ids = EntryIds(page);
        Assert.Equal(50, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        await using (var scope = _factory.Scope())
        {
            var processes = await scope.Db.AuditEntries.Where(a => ids.Contains(a.Id)).Select(a => a.ProcessId).Distinct().ToListAsync();
            Assert.Equal([_midsaId], processes);
        }

        var admin = await _admin.GetAsync("/admin/audit");
        Assert.Equal(50, EntryIds(admin).Count);
        var bali = await _admin.GetAsync("/admin/audit?process=bali-process");
        Assert.All(bali.Document.QuerySelectorAll("tr.audit-entry"), r => Assert.Equal("Bali Process", r.QuerySelectorAll("td")[2].TextContent.Trim()));
        Assert.NotEmpty(bali.Document.QuerySelectorAll("tr.audit-entry"));
        var processesSeen = new HashSet<string>();
        var older = "/admin/audit?type=Process";
        while (older is not null)
        {
            var typed = await _admin.GetAsync(older);
            processesSeen.UnionWith(typed.Document.QuerySelectorAll("tr.audit-entry td:nth-child(3)").Select(c => c.TextContent.Trim()));
            older = typed.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }
        Assert.Equal(31, processesSeen.Count);
        Assert.Contains("Bali Process", processesSeen);

        // The process page cannot be pointed at another process's entries.
        Assert.Equal(ids, EntryIds(await _midsa.GetAsync("/processes/midsa/manage/audit?process=bali-process")));
    }

    [Fact]
    public async Task Older_entries_are_reached_page_by_page_without_repeats()
    {
        var first = await _midsa.GetAsync("/processes/midsa/manage/audit");
        var olderLink = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/processes/midsa/manage/audit?before={EntryIds(first)[^1]}", olderLink);
        var second = await _midsa.GetAsync(olderLink);
        Assert.Empty(EntryIds(first).Intersect(EntryIds(second)));
        Assert.True(EntryIds(second).Max() < EntryIds(first).Min());
        Assert.NotNull(second.Document.QuerySelector(".pager a[href='/processes/midsa/manage/audit']"));

        await using var scope = _factory.Scope();
        var total = await scope.Db.AuditEntries.CountAsync(a => a.ProcessId == _midsaId);
        var seen = EntryIds(first).Count + EntryIds(second).Count;
        var next = second.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
        while (next is not null)
        {
            var page = await _midsa.GetAsync(next);
            seen += EntryIds(page).Count;
            next = page.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }
        Assert.Equal(total, seen);
    }

    [Fact]
    public async Task Floor_and_agenda_changes_are_filed_under_their_process()
    {
        var meeting = await RcpHub.IntegrationTests.Features.Meetings.Arrange.MeetingAsync(_factory, _midsaId, "Audited meeting",
            configure: m => m.Sessions.Add(new Session { Title = "Audited session", Position = 1 }));
        var focalPoint = await TestSignIn.CreateUserAsync(_factory, "audited.focal.point@za.example", roles: new ReaderRole(_midsaId, ProcessRole.FocalPoint, "ZAF"));
        using var asker = await TestSignIn.HtmlClientAsync(_factory, focalPoint);
        var floor = await asker.GetAsync($"/processes/midsa/meetings/{meeting.Id}/sessions/{meeting.Sessions[0].Id}/floor");
        await asker.SubmitAsync(floor, "form[action$='handler=Ask']", new Dictionary<string, string> { ["SpeaksFor"] = "state:ZAF" });
        await using (var scope = _factory.Scope())
        {
            // Added by its meeting's id alone, as a command that does not load the meeting would.
            scope.Db.AgendaItems.Add(new AgendaItem { MeetingId = meeting.Id, Title = "Audited agenda item", Position = 1 });
            await scope.Db.SaveChangesAsync();
        }

        foreach (var type in new[] { "FloorRequest", "SessionFloor", "AgendaItem" })
        {
            var page = await _midsa.GetAsync($"/processes/midsa/manage/audit?type={type}");
            Assert.NotEmpty(EntryIds(page));
        }
        var agenda = await _midsa.GetAsync("/processes/midsa/manage/audit?type=AgendaItem");
        Assert.Contains("Audited agenda item", agenda.Text("table.audit"), StringComparison.Ordinal);
        // A sentence that names the item by its title, not by its id.
        Assert.EndsWith("added the agenda item “Audited agenda item”.", Regex.Replace(agenda.Text("tr.audit-entry .what"), @"\s+", " "), StringComparison.Ordinal);
        await using var check = _factory.Scope();
        Assert.False(await check.Db.AuditEntries.AnyAsync(a => a.ProcessId == 0 || (a.ProcessId == null && (a.EntityType == "FloorRequest" || a.EntityType == "AgendaItem"))));
    }

    [Fact]
    public async Task Seeded_records_are_filed_as_the_seed_under_their_process()
    {
        var page = await _midsa.GetAsync("/processes/midsa/manage/audit?type=Process");
        var entry = Assert.Single(page.Document.QuerySelectorAll("tr.audit-entry"));
        Assert.Equal("The platform", entry.QuerySelector(".who")!.TextContent.Trim());
        Assert.Equal("The platform added: Process “Migration Dialogue for Southern Africa”.", entry.QuerySelector(".what")!.TextContent.Trim());
        // Every field of an added record, with its value.
        Assert.Equal("Migration Dialogue for Southern Africa", entry.QuerySelector("tr[data-field=Name] .after")!.TextContent);
        Assert.Null(entry.QuerySelector("td.before"));
    }

    [Fact]
    public async Task The_json_audit_log_pages_and_filters()
    {
        await using (var scope = _factory.Scope())
        {
            var bali = await scope.Db.Processes.SingleAsync(p => p.Id == _baliId);
            bali.Notes = "changed for the audit test";
            await scope.Db.SaveChangesAsync();
        }
        var all = await _admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/audit?process=bali-process&entityType=Process");
        var entry = all.GetProperty("entries")[0];
        Assert.Equal("Modified", entry.GetProperty("action").GetString());
        Assert.Equal("bali-process", entry.GetProperty("process").GetString());
        var change = Assert.Single(entry.GetProperty("changes").EnumerateArray());
        Assert.Equal("Notes", change.GetProperty("field").GetString());
        Assert.Equal("changed for the audit test", change.GetProperty("after").GetString());

        var mine = await _midsa.Http.GetFromJsonAsync<JsonElement>("/api/v1/processes/midsa/audit");
        Assert.Equal(50, mine.GetProperty("entries").GetArrayLength());
        var older = mine.GetProperty("older").GetString()!;
        Assert.StartsWith("/api/v1/processes/midsa/audit?before=", older);
        var next = await _midsa.Http.GetFromJsonAsync<JsonElement>(older);
        Assert.True(next.GetProperty("entries")[0].GetProperty("id").GetInt64() < mine.GetProperty("entries")[49].GetProperty("id").GetInt64());
        using var forbidden = await _midsa.Http.GetAsync("/api/v1/processes/bali-process/audit");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var bad = await _admin.Http.GetAsync("/api/v1/audit?before=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Dates_and_times_are_shown_in_the_readers_language()
    {
        using var french = await TestUsers.SignInAsync(_factory, "tendai.moyo@example.org", acceptLanguage: "fr");
        var page = await french.GetAsync("/processes/midsa/manage/audit");
        Assert.Equal("fr", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Journal d’audit de MIDSA", page.Text("h1"));
        Assert.Contains(" a ", page.Text("tr.audit-entry .what"), StringComparison.Ordinal);
        var time = page.Document.QuerySelector("tr.audit-entry time")!;
        var at = DateTimeOffset.Parse(time.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture);
        // The month by its name: 3/1/2022 is 1 March in one country and 3 January in another.
        var fr = new System.Globalization.CultureInfo("fr");
        Assert.Equal(at.ToUniversalTime().ToString("d MMMM yyyy", fr) + ", " + at.ToUniversalTime().ToString("t", fr) + " UTC", time.TextContent);
    }

    [Fact]
    public async Task Every_kind_of_record_is_named_in_the_readers_language()
    {
        using var russian = await TestUsers.SignInAsync(_factory, "platform.admin@example.org", acceptLanguage: "ru");
        var page = await russian.GetAsync("/admin/audit");
        var kinds = page.Document.QuerySelectorAll("#audit-type option").Where(o => o.GetAttribute("value") is { Length: > 0 }).ToList();
        Assert.Contains(kinds, o => o.GetAttribute("value") == "FloorRequest");
        var unnamed = kinds.Where(o => !Regex.IsMatch(o.TextContent, @"\p{IsCyrillic}")).Select(o => o.TextContent).ToList();
        Assert.True(unnamed.Count == 0, "Shown untranslated: " + string.Join(", ", unnamed));
    }

    [Fact]
    public async Task The_administrator_finds_a_persons_changes_by_name_or_email()
    {
        using var change = await _midsa.Http.PatchAsync("/api/v1/processes/midsa/profile",
            new StringContent("""{"statusNote":"meets every two years"}""", System.Text.Encoding.UTF8, "application/merge-patch+json"));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        foreach (var who in new[] { "moyo", "TENDAI.MOYO@" })
        {
            var page = await _admin.GetAsync($"/admin/audit?user={Uri.EscapeDataString(who)}");
            var entry = Assert.Single(page.Document.QuerySelectorAll("tr.audit-entry"));
            Assert.Contains("Tendai Moyo", entry.QuerySelector(".who")!.TextContent);
            Assert.Equal("meets every two years", entry.QuerySelector("tr[data-field=StatusNote] .after")!.TextContent);
            Assert.Equal(who, page.Document.QuerySelector("#audit-user")!.GetAttribute("value"));
        }
        Assert.Empty((await _admin.GetAsync("/admin/audit?user=nobody-at-all")).Document.QuerySelectorAll("tr.audit-entry"));
    }
}
