using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

/// <summary>The one rule for where a data request stands and who sees a state's proposal before it is sent (decision
/// 0041): the stage read from the columns, and the filter the queries use, evaluated here on requests in memory.</summary>
public sealed class DataRequestStagesTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static DataRequest Request(string? state = null, bool proposed = false, bool declined = false, bool sent = false) => new()
    {
        Title = "Remittances",
        CreatedByUserId = "u",
        ProposedByStateCode = state,
        ProposedAt = proposed ? Day : null,
        DeclinedAt = declined ? Day : null,
        SentAt = sent ? Day : null,
    };

    private static readonly DataRequestStages.Facts Secretariat = new(true, false, []);
    private static readonly DataRequestStages.Facts Morocco = new(false, false, ["MAR"]);
    private static readonly DataRequestStages.Facts Senegal = new(false, false, ["SEN"]);

    /// <summary>A chair or an observer of the process: neither the secretariat nor a focal point.</summary>
    private static readonly DataRequestStages.Facts Chair = DataRequestStages.Facts.Nobody;

    private static bool Sees(DataRequestStages.Facts reader, DataRequest request) => DataRequestStages.SeenBy(reader).Compile()(request);

    [Fact]
    public void The_stage_is_read_from_the_columns()
    {
        Assert.Equal(DataRequestStage.Draft, Request().Stage());
        Assert.Equal(DataRequestStage.Sent, Request(sent: true).Stage());
        Assert.Equal(DataRequestStage.StateDraft, Request("MAR").Stage());
        Assert.True(Request("MAR").IsStateDraft);
        Assert.Equal(DataRequestStage.AwaitingReview, Request("MAR", proposed: true).Stage());
        Assert.False(Request("MAR", proposed: true).IsStateDraft);
        Assert.Equal(DataRequestStage.Declined, Request("MAR", proposed: true, declined: true).Stage());
        Assert.Equal(DataRequestStage.Sent, Request("MAR", proposed: true, sent: true).Stage());
    }

    [Fact]
    public void A_state_draft_is_seen_by_its_state_only()
    {
        var draft = Request("MAR");
        Assert.True(Sees(Morocco, draft));
        Assert.False(Sees(Secretariat, draft));
        Assert.False(Sees(Senegal, draft));
        Assert.False(Sees(Chair, draft));
        Assert.True(Sees(new(false, true, []), draft));
    }

    [Fact]
    public void A_submitted_or_declined_proposal_is_seen_by_the_secretariat_and_its_state_and_a_sent_one_by_everyone()
    {
        foreach (var pending in new[] { Request("MAR", proposed: true), Request("MAR", proposed: true, declined: true) })
        {
            Assert.True(Sees(Secretariat, pending));
            Assert.True(Sees(Morocco, pending));
            Assert.False(Sees(Senegal, pending));
            Assert.False(Sees(Chair, pending));
        }
        Assert.All(new[] { Secretariat, Morocco, Senegal, Chair }, reader =>
        {
            Assert.True(Sees(reader, Request("MAR", proposed: true, sent: true)));
            Assert.True(Sees(reader, Request()));
        });
    }
}
