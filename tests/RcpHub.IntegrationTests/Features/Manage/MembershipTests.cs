using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Manage;

public sealed class MembershipTests() : SecretariatTests(Secretariat)
{
    private const string Secretariat = "amina.diallo@example.org";

    private async Task<Membership> MembershipAsync(string stateCode, MembershipRole role = MembershipRole.Member)
    {
        await using var scope = Factory.Scope();
        return await scope.Db.Memberships.AsNoTracking()
            .Where(m => m.Process!.Slug == "midsa" && m.StateCode == stateCode && m.Role == role)
            .OrderByDescending(m => m.Id).FirstAsync();
    }

    private async Task<int> AuditCountAsync()
    {
        await using var scope = Factory.Scope();
        return await scope.Db.AuditEntries.CountAsync();
    }

    [Fact]
    public async Task Ending_a_membership_moves_the_state_to_the_former_members_and_the_audit_log_shows_who_changed_what()
    {
        var zaf = await MembershipAsync("ZAF");
        var list = await Browser.GetAsync("/processes/midsa/manage/membership");
        var link = list.Document.QuerySelector($"#membership-{zaf.Id} a")!.GetAttribute("href")!;
        var edit = await Browser.GetAsync(link);

        var after = await Browser.SubmitAsync(edit, "form#end", new Dictionary<string, string> { ["End.LeftOn"] = "2026-06-30" });

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("/processes/midsa/manage/membership", after.Url);
        Assert.Contains("South Africa left on 30 June 2026.", after.Text(".notice"));
        var former = after.Document.QuerySelector("#list-former")!;
        var row = former.QuerySelector($"#membership-{zaf.Id}")!;
        Assert.Equal("South Africa", row.QuerySelector("th")!.TextContent.Trim());
        Assert.Contains("30 June 2026", row.TextContent);
        Assert.Null(after.Document.QuerySelector("#list-members")!.QuerySelector($"#membership-{zaf.Id}"));
        Assert.Equal(new DateOnly(2026, 6, 30), (await MembershipAsync("ZAF")).LeftOn);

        var audit = await Browser.GetAsync("/processes/midsa/manage/audit");
        var entry = audit.Document.QuerySelector("tr.audit-entry")!;
        Assert.Contains("Amina Diallo", entry.QuerySelector(".who")!.TextContent);
        // A sentence naming the state, not an internal id.
        Assert.Contains("South Africa", entry.QuerySelector(".what")!.TextContent);
        Assert.DoesNotContain($"#{zaf.Id}", entry.QuerySelector(".what")!.TextContent);
        var leftOn = entry.QuerySelector("tr[data-field=LeftOn]")!;
        Assert.Equal("", leftOn.QuerySelector(".before")!.TextContent.Trim());
        Assert.Equal("30 June 2026", leftOn.QuerySelector(".after")!.TextContent.Trim());
        // Only what changed is shown for a change.
        Assert.Single(entry.QuerySelectorAll("table.changes tbody tr"));
    }

    [Fact]
    public async Task A_leave_date_before_the_join_date_is_refused_and_changes_nothing()
    {
        var moz = await MembershipAsync("MOZ");
        await using (var scope = Factory.Scope())
        {
            var tracked = await scope.Db.Memberships.FindAsync(moz.Id);
            tracked!.JoinedOn = new DateOnly(2000, 11, 1);
            await scope.Db.SaveChangesAsync();
        }
        var entries = await AuditCountAsync();
        var edit = await Browser.GetAsync($"/processes/midsa/manage/membership/{moz.Id}");

        var refused = await Browser.SubmitAsync(edit, "form#end", new Dictionary<string, string> { ["End.LeftOn"] = "1999-12-31" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal($"/processes/midsa/manage/membership/{moz.Id}?handler=End", refused.Url);
        Assert.Equal("This date cannot be before 1 November 2000.", refused.Text("[data-valmsg-for='End.LeftOn']"));
        Assert.Equal("1999-12-31", refused.Document.QuerySelector("#End_LeftOn")!.GetAttribute("value"));
        Assert.Null((await MembershipAsync("MOZ")).LeftOn);
        Assert.Equal(entries, await AuditCountAsync());
    }

    [Fact]
    public async Task A_state_is_added_as_observer_then_becomes_a_member_in_one_step()
    {
        var page = await Browser.GetAsync("/processes/midsa/manage/membership");
        Assert.Contains(page.Document.QuerySelectorAll("#AddState_StateCode option"), o => o.GetAttribute("value") == "KEN" && o.TextContent == "Kenya");

        var added = await Browser.SubmitAsync(page, "form#add-state", new Dictionary<string, string>
        {
            ["AddState.StateCode"] = "KEN", ["AddState.Role"] = "Observer", ["AddState.JoinedOn"] = "2024-03-01",
        });
        Assert.Equal("/processes/midsa/manage/membership", added.Url);
        var observer = await MembershipAsync("KEN", MembershipRole.Observer);
        Assert.Equal(new DateOnly(2024, 3, 1), observer.JoinedOn);

        var again = await Browser.SubmitAsync(added, "form#add-state", new Dictionary<string, string>
        {
            ["AddState.StateCode"] = "KEN", ["AddState.Role"] = "Observer", ["AddState.JoinedOn"] = "2024-05-01",
        });
        Assert.Equal("It already takes part in this process in this role.", again.Text("[data-valmsg-for='AddState.StateCode']"));

        var edit = await Browser.GetAsync($"/processes/midsa/manage/membership/{observer.Id}");
        var changed = await Browser.SubmitAsync(edit, "form#change-to-member", new Dictionary<string, string> { ["ChangeToMember.On"] = "2025-01-15" });

        Assert.Equal("/processes/midsa/manage/membership", changed.Url);
        Assert.Equal(new DateOnly(2025, 1, 15), (await MembershipAsync("KEN", MembershipRole.Observer)).LeftOn);
        var member = await MembershipAsync("KEN");
        Assert.Equal(new DateOnly(2025, 1, 15), member.JoinedOn);
        Assert.Null(member.LeftOn);
        var members = changed.Document.QuerySelector("#list-members")!;
        Assert.NotNull(members.QuerySelector($"#membership-{member.Id}"));
        Assert.NotNull(changed.Document.QuerySelector("#list-former")!.QuerySelector($"#membership-{observer.Id}"));
    }

    [Fact]
    public async Task A_planned_departure_keeps_the_state_among_current_members_until_then()
    {
        var ago = await MembershipAsync("AGO");
        var edit = await Browser.GetAsync($"/processes/midsa/manage/membership/{ago.Id}");
        var after = await Browser.SubmitAsync(edit, "form#end", new Dictionary<string, string> { ["End.LeftOn"] = "2030-12-31" });

        var row = after.Document.QuerySelector("#list-members")!.QuerySelector($"#membership-{ago.Id}")!;
        Assert.Contains("31 December 2030", row.TextContent);
        Assert.Contains("planned", row.TextContent);
    }

    [Fact]
    public async Task A_membership_that_begins_later_is_not_counted_today_and_can_be_called_off_before_it_begins()
    {
        var before = await Browser.GetAsync("/states/SYC");
        var memberOf = int.Parse(before.Text("dd.member-of"), System.Globalization.CultureInfo.InvariantCulture);
        var syc = await MembershipAsync("SYC");
        var begins = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        await using (var scope = Factory.Scope())
        {
            var tracked = await scope.Db.Memberships.FindAsync(syc.Id);
            tracked!.JoinedOn = begins;
            await scope.Db.SaveChangesAsync();
        }

        // The state's page counts the memberships in force today (the registry's one rule) and lists this one under its start.
        var state = await Browser.GetAsync("/states/SYC");
        Assert.Equal((memberOf - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), state.Text("dd.member-of"));
        Assert.Contains("/processes/midsa", state.Document.QuerySelector("table.current")!.InnerHtml);

        // Not ended, so the secretariat can end it; the leave date may not come before the start.
        var edit = await Browser.GetAsync($"/processes/midsa/manage/membership/{syc.Id}");
        var after = await Browser.SubmitAsync(edit, "form#end", new Dictionary<string, string> { ["End.LeftOn"] = begins.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal("/processes/midsa/manage/membership", after.Url);
        Assert.Equal(begins.AddDays(1), (await MembershipAsync("SYC")).LeftOn);
    }

    [Fact]
    public async Task Organisations_take_any_role_and_an_unknown_state_is_refused()
    {
        var page = await Browser.GetAsync("/processes/midsa/manage/membership");
        var organization = page.Document.QuerySelectorAll("#AddOrganization_OrganizationId option").Skip(1).First();

        var added = await Browser.SubmitAsync(page, "form#add-organization", new Dictionary<string, string>
        {
            ["AddOrganization.OrganizationId"] = organization.GetAttribute("value")!, ["AddOrganization.Role"] = "SupportProject", ["AddOrganization.JoinedOn"] = "2022-01-01",
        });
        Assert.Equal("/processes/midsa/manage/membership", added.Url);
        Assert.Contains(added.Document.QuerySelector("#list-organisations")!.QuerySelectorAll("tr"),
            r => r.TextContent.Contains(organization.TextContent, StringComparison.Ordinal) && r.TextContent.Contains("Runs a support project", StringComparison.Ordinal));

        var unknown = await Browser.SubmitAsync(added, "form#add-state", new Dictionary<string, string>
        {
            ["AddState.StateCode"] = "XYZ", ["AddState.Role"] = "Member", ["AddState.JoinedOn"] = "2024-03-01",
        });
        Assert.Equal("There is no state with the code XYZ.", unknown.Text("[data-valmsg-for='AddState.StateCode']"));
        var asState = await Browser.SubmitAsync(added, "form#add-state", new Dictionary<string, string>
        {
            ["AddState.StateCode"] = "FRA", ["AddState.Role"] = "HostsSecretariat", ["AddState.JoinedOn"] = "2024-03-01",
        });
        Assert.Equal("A state takes part as a member or as an observer.", asState.Text("[data-valmsg-for='AddState.Role']"));
        var unreadable = await Browser.SubmitAsync(added, "form#add-state", new Dictionary<string, string>
        {
            ["AddState.StateCode"] = "FRA", ["AddState.Role"] = "Member", ["AddState.JoinedOn"] = "yesterday",
        });
        Assert.Equal("Enter a valid value.", unreadable.Text("[data-valmsg-for='AddState.JoinedOn']"));
        await using var scope = Factory.Scope();
        Assert.False(await scope.Db.Memberships.AnyAsync(m => m.StateCode == "FRA" && m.Process!.Slug == "midsa"));
    }

    [Fact]
    public async Task An_unknown_membership_is_not_found()
    {
        var page = await Browser.GetAsync("/processes/midsa/manage/membership/999999");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        // A membership of another process is not found through this one.
        int other;
        await using (var scope = Factory.Scope())
        {
            other = await scope.Db.Memberships.Where(m => m.Process!.Slug == "bali-process").Select(m => m.Id).FirstAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync($"/processes/midsa/manage/membership/{other}")).Status);
    }

    [Fact]
    public async Task The_membership_page_speaks_the_readers_language_right_to_left_in_Arabic()
    {
        using var french = await TestUsers.SignInAsync(Factory, Secretariat, acceptLanguage: "fr");
        var page = await french.GetAsync("/processes/midsa/manage/membership");
        Assert.Equal("Composition de MIDSA", page.Text("h1"));
        Assert.Contains(page.Document.QuerySelectorAll("#AddState_StateCode option"), o => o.GetAttribute("value") == "ZAF" && o.TextContent == "Afrique du Sud");
        Assert.Contains(page.Document.QuerySelectorAll("#AddOrganization_Role option"), o => o.TextContent == "Accueille le secrétariat");

        using var arabic = await TestUsers.SignInAsync(Factory, Secretariat, acceptLanguage: "ar");
        var rtl = await arabic.GetAsync("/processes/midsa/manage/membership");
        Assert.Equal("rtl", rtl.Document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("عضوية MIDSA", rtl.Text("h1"));
    }
}
