using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;
using static RcpHub.IntegrationTests.Features.Delegations.ArrangeDelegations;

namespace RcpHub.IntegrationTests.Features.Delegations;

/// <summary>Invitations by email, delegations registered by focal points and confirmed by the secretariat, the
/// participant list with its statistics and exports — each for the meeting's audience only.</summary>
public sealed class DelegationTests : IAsyncLifetime
{
    private SmtpCatcher _smtp = null!;
    private RcpHubFactory _factory = null!;
    private int _midsa;
    private Meeting _membersOnly = null!, _byInvitation = null!;
    private AppUser _secretariat = null!, _southAfrica = null!, _mozambique = null!, _observer = null!, _outsider = null!, _iomOfficer = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpCatcher.StartAsync();
        _factory = await RcpHubFactory.CreateAsync(_smtp.Configure);
        _midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        var iom = await Arrange.OrganizationIdAsync(_factory, "iom");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Secretariat));
        _southAfrica = await TestSignIn.CreateUserAsync(_factory, "focal.point@za.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "ZAF"));
        _mozambique = await TestSignIn.CreateUserAsync(_factory, "focal.point@mz.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "MOZ"));
        _observer = await TestSignIn.CreateUserAsync(_factory, "observer@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Observer));
        _outsider = await TestSignIn.CreateUserAsync(_factory, "focal.point@in.example", roles: new ReaderRole(cp, ProcessRole.FocalPoint, "IND"));
        _iomOfficer = await TestSignIn.CreateUserAsync(_factory, "officer@iom.example", roles: new ReaderRole(cp, ProcessRole.Observer, OrganizationId: iom));
        _membersOnly = await Arrange.MeetingAsync(_factory, _midsa, "Expert meeting on labour migration");
        _byInvitation = await Arrange.MeetingAsync(_factory, _midsa, "Roundtable with partners", MeetingAudience.ByInvitation,
            configure: m => m.Invitees.Add(new MeetingInvitee { OrganizationId = iom }));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(10);

    private Task<HtmlClient> BrowserAsync(AppUser user) => TestSignIn.HtmlClientAsync(_factory, user);

    private static Dictionary<string, string> Delegation(params (string Name, string Function, string Ministry, string Gender)[] delegates)
    {
        var values = new Dictionary<string, string> { ["Input.Head"] = "0" };
        for (var i = 0; i < delegates.Length; i++)
        {
            values[$"Input.Delegates[{i}].Name"] = delegates[i].Name;
            values[$"Input.Delegates[{i}].Function"] = delegates[i].Function;
            values[$"Input.Delegates[{i}].Ministry"] = delegates[i].Ministry;
            values[$"Input.Delegates[{i}].Gender"] = delegates[i].Gender;
        }
        return values;
    }

    private async Task<Meeting> MeetingAsync(string title, MeetingAudience audience = MeetingAudience.MembersOnly) =>
        await Arrange.MeetingAsync(_factory, _midsa, title, audience);

    [Fact]
    public async Task Invitations_are_emailed_to_the_meeting_audience_and_nobody_else()
    {
        using var secretariat = await BrowserAsync(_secretariat);

        var page = await secretariat.GetAsync($"/processes/midsa/meetings/{_byInvitation.Id}/invitations");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["officer"], page.Texts("table.recipients tbody th"));
        var sent = await secretariat.SubmitAsync(page, "form.send-invitations", new Dictionary<string, string>());
        Assert.Contains("The invitation is sent to 1 person.", sent.Html, StringComparison.Ordinal);
        var invitation = await _smtp.WaitForMessageToAsync(_iomOfficer.Email!, MailWait);
        Assert.Equal("Invitation: Roundtable with partners", invitation.Subject);
        Assert.Equal($"/processes/midsa/meetings/{_byInvitation.Id}/delegation", invitation.LinkTo("/processes/midsa/meetings/"));
        foreach (var notInvited in new[] { _southAfrica, _mozambique, _observer, _outsider, _secretariat })
        {
            Assert.False(await _smtp.HasMessageToAsync(notInvited.Email!), notInvited.Email);
        }

        var membersOnly = await MeetingAsync("Members-only meeting on return and readmission");
        page = await secretariat.GetAsync($"/processes/midsa/meetings/{membersOnly.Id}/invitations");
        sent = await secretariat.SubmitAsync(page, "form.send-invitations", new Dictionary<string, string>());
        Assert.Contains("The invitation is sent to 2 people.", sent.Html, StringComparison.Ordinal);
        foreach (var focalPoint in new[] { _southAfrica, _mozambique })
        {
            var message = await _smtp.WaitForMessageToAsync(focalPoint.Email!, MailWait);
            Assert.Equal("Invitation: Members-only meeting on return and readmission", message.Subject);
            Assert.Contains($"/meetings/{membersOnly.Id}", message.Body, StringComparison.Ordinal);
        }
        foreach (var outsider in new[] { _observer, _outsider, _secretariat })
        {
            Assert.False(await _smtp.HasMessageToAsync(outsider.Email!), outsider.Email);
        }

        await using var scope = _factory.Scope();
        Assert.Equal(MeetingStatus.InvitationsSent, await scope.Db.Meetings.Where(m => m.Id == membersOnly.Id).Select(m => m.Status).SingleAsync());
    }

    [Fact]
    public async Task Only_the_secretariat_sends_invitations()
    {
        using var focalPoint = await BrowserAsync(_southAfrica);
        var page = await focalPoint.GetAsync($"/processes/midsa/meetings/{_membersOnly.Id}/invitations");
        Assert.Contains("/account/access-denied", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_registers_the_delegation_of_their_state()
    {
        var meeting = await MeetingAsync("Senior officials' meeting");
        using var browser = await BrowserAsync(_southAfrica);
        var form = await browser.GetAsync($"/processes/midsa/meetings/{meeting.Id}/delegation");
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var saved = await browser.SubmitAsync(form, "form.delegation-form", Delegation(
            ("Thandiwe Nkosi", "Director-General", "Department of Home Affairs", "Woman"),
            ("Pieter van Wyk", "Chief Director", "Department of Employment and Labour", "Man")));

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("The delegation is registered.", saved.Html, StringComparison.Ordinal);
        await using var scope = _factory.Scope();
        var delegation = await scope.Db.Delegations.Include(d => d.Delegates).SingleAsync(d => d.MeetingId == meeting.Id);
        Assert.Equal(("ZAF", DelegationStatus.Registered, _southAfrica.Id), (delegation.StateCode, delegation.Status, delegation.RegisteredByUserId));
        Assert.Equal(
            [("Thandiwe Nkosi", "Department of Home Affairs", Gender.Woman, true), ("Pieter van Wyk", "Department of Employment and Labour", Gender.Man, false)],
            delegation.Delegates.OrderBy(d => d.Position).Select(d => (d.Name, d.Ministry, d.Gender, d.IsHead)));
    }

    [Fact]
    public async Task Registering_for_a_state_the_user_does_not_represent_is_refused_and_stores_nothing()
    {
        var meeting = await MeetingAsync("Thematic meeting on border management");
        using var browser = await BrowserAsync(_southAfrica);
        var form = await browser.GetAsync($"/processes/midsa/meetings/{meeting.Id}/delegation");

        var refused = await browser.SubmitAsync(form, "form.delegation-form",
            new Dictionary<string, string>(Delegation(("Someone", "Adviser", "Ministry of Interior", "Man"))) { ["Input.StateCode"] = "MOZ" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("You are not a focal point for this state in this process, so you cannot register its delegation. Nothing has been saved.", refused.Html, StringComparison.Ordinal);
        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.Delegations.AnyAsync(d => d.MeetingId == meeting.Id));
    }

    [Fact]
    public async Task Invalid_delegations_are_refused_with_field_messages_and_store_nothing()
    {
        var meeting = await MeetingAsync("Workshop on data");
        using var browser = await BrowserAsync(_southAfrica);
        var form = await browser.GetAsync($"/processes/midsa/meetings/{meeting.Id}/delegation");

        var noHead = await browser.SubmitAsync(form, "form.delegation-form",
            new Dictionary<string, string>(Delegation(("Thandiwe Nkosi", "", "", "Woman"))) { ["Input.Head"] = "5" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noHead.Status);
        Assert.Contains("Enter the ministry or agency.", noHead.Html, StringComparison.Ordinal);
        Assert.Contains("Choose exactly one head of delegation among the delegates entered.", noHead.Html, StringComparison.Ordinal);
        var empty = await browser.SubmitAsync(form, "form.delegation-form", new Dictionary<string, string>());
        Assert.Contains("Enter at least one delegate.", empty.Html, StringComparison.Ordinal);
        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.Delegations.AnyAsync(d => d.MeetingId == meeting.Id));
    }

    [Fact]
    public async Task A_meeting_the_focal_point_cannot_see_is_not_found_and_nothing_is_stored()
    {
        using var browser = await BrowserAsync(_southAfrica);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/processes/midsa/meetings/{_byInvitation.Id}/delegation")).Status);

        // The form of a meeting they may see, posted to the one they may not.
        var form = await browser.GetAsync($"/processes/midsa/meetings/{_membersOnly.Id}/delegation");
        var posted = await browser.SubmitAsync(form with { Url = $"/processes/midsa/meetings/{_byInvitation.Id}/delegation" }, "form.delegation-form",
            Delegation(("Thandiwe Nkosi", "Director-General", "Department of Home Affairs", "Woman")));

        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.Delegations.AnyAsync(d => d.MeetingId == _byInvitation.Id));
    }

    [Fact]
    public async Task The_secretariat_confirms_or_returns_a_delegation_and_a_focal_point_cannot()
    {
        var meeting = await MeetingAsync("Ministerial conference");
        var zaf = await DelegationAsync(_factory, meeting.Id, "ZAF", _southAfrica.Id, DelegationStatus.Registered,
            Delegate("Thandiwe Nkosi", "Department of Home Affairs", Gender.Woman, head: true));
        var moz = await DelegationAsync(_factory, meeting.Id, "MOZ", _mozambique.Id, DelegationStatus.Registered,
            Delegate("Armando Cossa", "Ministério do Interior", Gender.Man, head: true));

        using var focalPoint = await BrowserAsync(_southAfrica);
        var asMember = await focalPoint.GetAsync($"/meetings/{meeting.Id}/participants");
        Assert.Empty(asMember.Document.QuerySelectorAll("form.confirm"));

        using var secretariat = await BrowserAsync(_secretariat);
        var page = await secretariat.GetAsync($"/meetings/{meeting.Id}/participants");
        await secretariat.SubmitAsync(page, $"#delegation-{zaf} form.confirm", new Dictionary<string, string>());
        page = await secretariat.GetAsync($"/meetings/{meeting.Id}/participants");
        await secretariat.SubmitAsync(page, $"#delegation-{moz} form.return", new Dictionary<string, string> { ["ReturnNote"] = "Please add the head's function." });

        // A focal point posting the secretariat's form changes nothing.
        page = await secretariat.GetAsync($"/meetings/{meeting.Id}/participants");
        var form = asMember with { Document = page.Document };
        await focalPoint.SubmitAsync(form, $"#delegation-{moz} form.confirm", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = asMember.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "",
        });

        await using var scope = _factory.Scope();
        var statuses = await scope.Db.Delegations.Where(d => d.MeetingId == meeting.Id).ToDictionaryAsync(d => d.StateCode, d => (d.Status, d.ReturnNote));
        Assert.Equal((DelegationStatus.Confirmed, null), statuses["ZAF"]);
        Assert.Equal((DelegationStatus.Returned, "Please add the head's function."), statuses["MOZ"]);
    }

    private async Task<Meeting> MeetingWithDelegationsAsync(string title, MeetingAudience audience = MeetingAudience.MembersOnly)
    {
        var meeting = await MeetingAsync(title, audience);
        await DelegationAsync(_factory, meeting.Id, "ZAF", _southAfrica.Id, DelegationStatus.Confirmed,
            Delegate("Thandiwe Nkosi", "Department of Home Affairs", Gender.Woman, head: true, function: "Director-General"),
            Delegate("Pieter van Wyk", "Department of Employment and Labour", Gender.Man, function: "Chief Director, \"Labour\" migration"),
            Delegate("Lindiwe Dube", "Department of Home Affairs", Gender.Woman));
        await DelegationAsync(_factory, meeting.Id, "MOZ", _mozambique.Id, DelegationStatus.Registered,
            Delegate("Armando Cossa", "Ministério do Interior", Gender.Man, head: true),
            Delegate("Ana Machava", "Ministry of Foreign Affairs", Gender.NotStated));
        await DelegationAsync(_factory, meeting.Id, "BWA", _secretariat.Id, DelegationStatus.Returned,
            Delegate("Kabo Molefe", "Ministry of Labour", Gender.Man, head: true));
        return meeting;
    }

    [Fact]
    public async Task The_participant_list_shows_delegations_and_their_statistics()
    {
        var meeting = await MeetingWithDelegationsAsync("Regional conference on statistics");
        using var browser = await BrowserAsync(_mozambique);

        var page = await browser.GetAsync($"/meetings/{meeting.Id}/participants");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(("2", "5", "2", "2", "1"), (page.Text(".stat-delegations"), page.Text(".stat-delegates"), page.Text(".stat-women"), page.Text(".stat-men"), page.Text(".stat-not-stated")));
        Assert.Equal(["Mozambique: 2", "South Africa: 3"],
            page.Document.QuerySelectorAll("table.per-state tbody tr").Select(r => $"{r.QuerySelector("th")!.TextContent}: {r.QuerySelector("td")!.TextContent}"));
        Assert.Equal("Department of Home Affairs|Interior or police|2",
            string.Join("|", page.Document.QuerySelector("table.ministries tbody tr")!.Children.Select(c => c.TextContent)));
        Assert.Equal(["Botswana", "Mozambique", "South Africa"], page.Texts("article.delegation h3"));
        Assert.Contains("Returned for correction", page.Text($"article.delegation:first-of-type .delegation-status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_participant_list_speaks_the_reader_s_language()
    {
        var meeting = await MeetingWithDelegationsAsync("Regional conference in French");
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _mozambique, "fr");

        var page = await browser.GetAsync($"/meetings/{meeting.Id}/participants");

        Assert.Equal("Statistiques", page.Text("h2#statistics"));
        Assert.Equal(["Afrique du Sud: 3", "Mozambique: 2"],
            page.Document.QuerySelectorAll("table.per-state tbody tr").Select(r => $"{r.QuerySelector("th")!.TextContent}: {r.QuerySelector("td")!.TextContent}"));
        Assert.Contains("Intérieur ou police", page.Texts("table.ministries td"));
    }

    [Fact]
    public async Task The_participant_list_exports_to_csv_that_parses_back()
    {
        var meeting = await MeetingWithDelegationsAsync("Regional conference, CSV");
        using var browser = await BrowserAsync(_southAfrica);

        var response = await browser.Http.GetAsync($"/meetings/{meeting.Id}/participants?handler=Csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["State", "Delegation status", "Name", "Function", "Ministry or agency", "Category", "Gender", "Head of delegation"], rows[0]);
        Assert.Equal(7, rows.Count);
        Assert.Contains(rows, r => r.SequenceEqual(["South Africa", "Confirmed", "Pieter van Wyk", "Chief Director, \"Labour\" migration", "Department of Employment and Labour", "Labour", "Man", ""]));
        Assert.Contains(rows, r => r.SequenceEqual(["Mozambique", "Registered, awaiting confirmation", "Armando Cossa", "", "Ministério do Interior", "Interior or police", "Man", "Yes"]));
    }

    [Fact]
    public async Task The_participant_list_exports_to_an_xlsx_workbook_with_its_rows()
    {
        var meeting = await MeetingWithDelegationsAsync("Regional conference, XLSX");
        using var browser = await BrowserAsync(_secretariat);

        var response = await browser.Http.GetAsync($"/meetings/{meeting.Id}/participants?handler=Xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = new XLWorkbook(stream);
        var rows = workbook.Worksheets.Single().RowsUsed().Select(r => r.Cells(1, 8).Select(c => c.GetString()).ToArray()).ToList();
        Assert.Equal(7, rows.Count);
        Assert.Equal("Name", rows[0][2]);
        Assert.Contains(rows, r => r.SequenceEqual(["South Africa", "Confirmed", "Thandiwe Nkosi", "Director-General", "Department of Home Affairs", "Interior or police", "Woman", "Yes"]));
        Assert.Contains(rows, r => r[2] == "Ana Machava" && r[5] == "Foreign affairs" && r[6] == "Not stated");
    }

    [Fact]
    public async Task The_participant_list_and_its_exports_are_not_found_outside_the_meeting_audience()
    {
        var meeting = await MeetingWithDelegationsAsync("Closed meeting with delegations");
        foreach (var user in new AppUser?[] { null, _observer, _outsider, _iomOfficer })
        {
            using var browser = user is null ? HtmlClient.For(_factory) : await BrowserAsync(user);
            foreach (var address in new[] { "", "?handler=Csv", "?handler=Xlsx" })
            {
                var response = await browser.Http.GetAsync($"/meetings/{meeting.Id}/participants{address}");
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user?.Email ?? "anonymous"} {address}: {response.StatusCode}");
                Assert.DoesNotContain("Thandiwe", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_public_meeting_shows_the_public_its_confirmed_states_and_totals_and_only_members_who_the_delegates_are()
    {
        var meeting = await MeetingWithDelegationsAsync("Public ministerial conference", MeetingAudience.Public);
        string[] personal = ["Thandiwe", "Pieter", "Lindiwe", "Armando", "Kabo", "Director-General", "Home Affairs", "Employment and Labour", "Interior"];

        foreach (var user in new AppUser?[] { null, _outsider, _iomOfficer })
        {
            using var browser = user is null ? HtmlClient.For(_factory) : await BrowserAsync(user);
            var who = user?.Email ?? "anonymous";
            var page = await browser.GetAsync($"/meetings/{meeting.Id}/participants");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(["South Africa"], page.Texts("article.delegation h3"));
            Assert.Equal(("1", "3", "2", "1", "0"), (page.Text(".stat-delegations"), page.Text(".stat-delegates"), page.Text(".stat-women"), page.Text(".stat-men"), page.Text(".stat-not-stated")));
            Assert.Empty(page.Texts("table.delegates"));
            Assert.Empty(page.Texts("table.ministries"));

            var csv = await browser.Http.GetByteArrayAsync($"/meetings/{meeting.Id}/participants?handler=Csv");
            var xlsx = await browser.Http.GetByteArrayAsync($"/meetings/{meeting.Id}/participants?handler=Xlsx");
            Assert.Equal(["State", "Delegates", "South Africa", "3"], ExportTests.CsvCells(csv).Select(c => c.Text));
            Assert.Equal(["State", "Delegates", "South Africa", "3"], ExportTests.XlsxCells(xlsx).Select(c => c.Text));
            foreach (var text in new[] { page.Html, string.Join("|", ExportTests.CsvCells(csv).Select(c => c.Text)), string.Join("|", ExportTests.XlsxCells(xlsx).Select(c => c.Text)) })
            {
                Assert.All(personal, name => Assert.False(text.Contains(name, StringComparison.Ordinal), $"{who} sees {name}"));
            }
        }

        using var member = await BrowserAsync(_mozambique);
        var membersPage = await member.GetAsync($"/meetings/{meeting.Id}/participants");
        Assert.Equal(["Botswana", "Mozambique", "South Africa"], membersPage.Texts("article.delegation h3"));
        Assert.Contains(membersPage.Texts("table.delegates th"), name => name.StartsWith("Thandiwe Nkosi", StringComparison.Ordinal));
        var membersCsv = ExportTests.CsvCells(await member.Http.GetByteArrayAsync($"/meetings/{meeting.Id}/participants?handler=Csv"));
        Assert.Contains(membersCsv, c => c.Text == "Armando Cossa");
    }

    [Fact]
    public async Task The_participant_list_of_200_delegates_costs_at_most_ten_queries()
    {
        var meeting = await MeetingAsync("Large conference");
        var states = new[] { "ZAF", "MOZ", "BWA", "NAM", "ZWE", "ZMB", "MWI", "AGO", "LSO", "SWZ", "TZA", "COD", "MDG", "MUS", "SYC", "COM", "KEN", "UGA", "RWA", "ETH" };
        foreach (var state in states)
        {
            await DelegationAsync(_factory, meeting.Id, state, _secretariat.Id, DelegationStatus.Confirmed,
                Enumerable.Range(1, 10).Select(i => Delegate($"Delegate {state} {i}", i % 2 == 0 ? "Ministry of Interior" : "Ministry of Labour", (Gender)(i % 4), head: i == 1)).ToArray());
        }
        using var browser = await BrowserAsync(_mozambique);
        await browser.GetAsync($"/meetings/{meeting.Id}/participants");

        _factory.Queries.Reset();
        var page = await browser.GetAsync($"/meetings/{meeting.Id}/participants");

        Assert.Equal("200", page.Text(".stat-delegates"));
        Assert.InRange(_factory.Queries.Count, 1, 10);
    }
}

/// <summary>An RFC 4180 reader, enough to read back what the export writes.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        text = text.TrimStart('\uFEFF');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        return rows;
    }
}
