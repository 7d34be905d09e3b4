using Microsoft.EntityFrameworkCore;

namespace RcpHub.IntegrationTests.Features.Manage;

public sealed class BodiesTests() : SecretariatTests("bodies.editor@example.org")
{
    [Fact]
    public async Task A_body_is_set_up_with_members_whose_past_seats_stay_listed()
    {
        var list = await Browser.GetAsync("/processes/midsa/manage/bodies");
        Assert.Equal("No body is recorded yet.", list.Text("h1 + p"));
        var refused = await Browser.SubmitAsync(list, "form#add-body", new Dictionary<string, string> { ["Body.Name"] = " " });
        Assert.Equal("This field is required.", refused.Text("[data-valmsg-for='Body.Name']"));

        var body = await Browser.SubmitAsync(list, "form#add-body", new Dictionary<string, string>
        {
            ["Body.Kind"] = "SteeringCommittee", ["Body.Name"] = "MIDSA Steering Committee", ["Body.Mandate"] = "Prepares the ministerial conference.",
            ["Body.EstablishedOn"] = "2010-06-01",
        });
        Assert.Equal("MIDSA Steering Committee", body.Text("h1"));
        Assert.Equal("The body is set up. Add its members below.", body.Text(".notice"));

        body = await Browser.SubmitAsync(body, "form#add-member", new Dictionary<string, string>
        {
            ["Member.StateCode"] = "MWI", ["Member.IsChair"] = "true", ["Member.JoinedOn"] = "2022-08-01",
        });
        body = await Browser.SubmitAsync(body, "form#add-member", new Dictionary<string, string> { ["Member.StateCode"] = "ZWE", ["Member.JoinedOn"] = "2014-08-01" });
        var twice = await Browser.SubmitAsync(body, "form#add-member", new Dictionary<string, string> { ["Member.StateCode"] = "ZWE" });
        Assert.Equal("It already sits on this body.", twice.Text("[data-valmsg-for='Member.StateCode']"));

        var rows = body.Document.QuerySelectorAll("table.body-members tbody tr");
        Assert.Equal(["Malawi", "Zimbabwe"], rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.Equal("Chair", rows[0].QuerySelectorAll("td")[0].TextContent.Trim());

        var seat = await Browser.GetAsync(rows[1].QuerySelector("a")!.GetAttribute("href")!);
        var early = await Browser.SubmitAsync(seat, "form#edit-seat", new Dictionary<string, string> { ["Seat.LeftOn"] = "2010-01-01" });
        Assert.Equal("This date cannot be before 1 August 2014.", early.Text("[data-valmsg-for='Seat.LeftOn']"));
        body = await Browser.SubmitAsync(seat, "form#edit-seat", new Dictionary<string, string> { ["Seat.LeftOn"] = "2023-08-01" });
        Assert.Equal("The seat of Zimbabwe is saved.", body.Text(".notice"));
        var past = body.Document.QuerySelector("table.body-members tr.past")!;
        Assert.Contains("Zimbabwe", past.TextContent);
        Assert.Contains("1 August 2023", past.TextContent);

        list = await Browser.GetAsync("/processes/midsa/manage/bodies");
        var listed = list.Document.QuerySelector("tbody tr")!;
        Assert.Contains("Steering committee", listed.TextContent);
        Assert.Equal("1", listed.QuerySelectorAll("td")[^1].TextContent.Trim());

        await using var scope = Factory.Scope();
        var members = await scope.Db.BodyMembers.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(2, members.Count);
        Assert.Equal(new DateOnly(2023, 8, 1), members[1].LeftOn);
    }
}
