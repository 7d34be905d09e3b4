using RcpHub.Features.Reports;

namespace RcpHub.Tests.Features.Reports;

public sealed class ReportDraftTests
{
    [Fact]
    public void A_point_given_with_paragraphs_by_the_api_stays_one_point()
    {
        var draft = new ReportDraft("Summary", null, ["One\r\n\r\nTwo", " ", "Three"], null);
        Assert.Equal(["One\n\nTwo", "Three"], draft.CleanKeyPoints);
        Assert.Empty(draft.CleanRecommendations);
        Assert.Empty(draft.Check());
    }

    [Theory]
    [InlineData(null, "Summary")]
    [InlineData("   ", "Summary")]
    public void A_summary_is_required(string? summary, string field) =>
        Assert.Equal([field], new ReportDraft(summary, null, null, null).Check().Select(e => e.Field));

    [Fact]
    public void Too_long_texts_and_too_many_points_are_refused()
    {
        var draft = new ReportDraft(new string('s', 4001), new string('d', 20001), [new string('k', 1001)], Enumerable.Range(1, 101).Select(i => $"R{i}").ToList());
        Assert.Equal(["Summary", "Discussion", "KeyPoints", "Recommendations"], draft.Check().Select(e => e.Field));
        Assert.Empty(new ReportDraft(string.Join("\r\n", Enumerable.Repeat(new string('s', 99), 40)), null, [new string('k', 1000)], null).Check());
        Assert.Empty(new ReportDraft(new string('s', 4000), null, [new string('k', 1000)], Enumerable.Range(1, 100).Select(i => $"R{i}").ToList()).Check());
    }
}
