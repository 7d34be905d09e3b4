using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;

namespace RcpHub.IntegrationTests.Features.Manage;

/// <summary>Each management page reads the database at most ten times, however long its lists are.</summary>
public sealed class QueryBudgetTests() : SecretariatTests("budget.keeper@example.org")
{
    [Fact]
    public async Task Every_management_page_stays_within_ten_queries_with_long_lists()
    {
        int bodyId, memberId, termId, membershipId;
        await using (var scope = Factory.Scope())
        {
            var db = scope.Db;
            var midsa = await db.Processes.Include(p => p.Memberships).SingleAsync(p => p.Slug == "midsa");
            var states = await db.States.OrderBy(s => s.Code).Select(s => s.Code).Take(60).ToListAsync();
            var body = new Body { ProcessId = midsa.Id, Kind = BodyKind.WorkingGroup, Name = "Working Group" };
            body.Members.AddRange(states.Select(code => new BodyMember { StateCode = code, JoinedOn = new DateOnly(2020, 1, 1) }));
            db.Bodies.Add(body);
            db.ChairTerms.AddRange(states.Select((code, i) => new ChairTerm { ProcessId = midsa.Id, StateCode = code, StartYear = 1980 + (i % 45) }));
            midsa.Memberships.AddRange(states.Select(code => new Membership { StateCode = code, Role = MembershipRole.Observer, JoinedOn = new DateOnly(2001, 1, 1), LeftOn = new DateOnly(2010, 1, 1) }));
            midsa.ChairTermMonths = 12;
            midsa.ChairRotation.AddRange(midsa.Memberships.Where(m => m.Role == MembershipRole.Member).Select((m, i) => new ChairRotationSlot { StateCode = m.StateCode!, Position = i + 1 }));
            await db.SaveChangesAsync();
            (bodyId, memberId, termId, membershipId) = (body.Id, body.Members[0].Id, await db.ChairTerms.Select(t => t.Id).FirstAsync(), midsa.Memberships[0].Id);
        }

        string[] pages =
        [
            "/processes/midsa/manage", "/processes/midsa/manage/profile", "/processes/midsa/manage/membership",
            $"/processes/midsa/manage/membership/{membershipId}", "/processes/midsa/manage/chairs", $"/processes/midsa/manage/chairs/{termId}",
            "/processes/midsa/manage/bodies", $"/processes/midsa/manage/bodies/{bodyId}", $"/processes/midsa/manage/bodies/{bodyId}/members/{memberId}",
            "/processes/midsa/manage/audit", "/api/v1/processes/midsa/memberships", "/api/v1/processes/midsa/chair-schedule",
            $"/api/v1/processes/midsa/bodies/{bodyId}", "/api/v1/processes/midsa/audit",
        ];
        var counts = new List<string>();
        foreach (var url in pages)
        {
            Factory.Queries.Reset();
            using var response = await Browser.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            counts.Add($"{url}: {Factory.Queries.Count}");
            Assert.True(Factory.Queries.Count <= 10, string.Join("\n", counts));
        }

        // A refused form is shown again with its lists: still within the budget.
        var form = await Browser.GetAsync("/processes/midsa/manage/membership");
        Factory.Queries.Reset();
        var refused = await Browser.SubmitAsync(form, "form#add-state", new Dictionary<string, string>
        {
            ["AddState.StateCode"] = "ZAF", ["AddState.Role"] = "Member", ["AddState.JoinedOn"] = "2024-01-01",
        });
        Assert.Equal("It already takes part in this process in this role.", refused.Text("[data-valmsg-for='AddState.StateCode']"));
        Assert.True(Factory.Queries.Count <= 10, $"Refused membership form: {Factory.Queries.Count} queries");
    }
}
