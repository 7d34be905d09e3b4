using RcpHub.Features.Audit;

namespace RcpHub.Tests.Features.Audit;

/// <summary>What the audit log shows of an entry's before and after values.</summary>
public sealed class AuditChangesTests
{
    private const string Before = """{"Id":7,"StateCode":"ZAF","JoinedOn":null,"LeftOn":null,"Note":"founding member"}""";
    private const string After = """{"Id":7,"StateCode":"ZAF","JoinedOn":null,"LeftOn":"2026-06-30","Note":"founding member"}""";

    [Fact]
    public void A_change_shows_only_the_fields_that_differ()
    {
        var change = Assert.Single(AuditLog.Changes("Modified", Before, After));
        Assert.Equal("LeftOn", change.Field);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, change.Before!.Value.ValueKind);
        Assert.Equal("2026-06-30", change.After!.Value.GetString());
    }

    [Fact]
    public void An_added_record_shows_every_field_after_and_a_removed_one_every_field_before()
    {
        var added = AuditLog.Changes("Added", null, After);
        Assert.Equal(["Id", "StateCode", "JoinedOn", "LeftOn", "Note"], added.Select(c => c.Field));
        Assert.All(added, c => Assert.Null(c.Before));

        var removed = AuditLog.Changes("Deleted", Before, null);
        Assert.Equal(5, removed.Count);
        Assert.All(removed, c => Assert.Null(c.After));
    }

    [Fact]
    public void Fields_present_on_one_side_only_count_as_changed()
    {
        var changes = AuditLog.Changes("Modified", """{"A":1,"B":[1,2]}""", """{"B":[1,2],"C":true}""");
        Assert.Equal(["C", "A"], changes.Select(c => c.Field));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Values_that_are_not_an_object_show_no_fields(string? json)
    {
        Assert.Empty(AuditLog.Changes("Modified", json, json));
        Assert.Empty(AuditLog.Changes("Added", null, json));
    }
}
