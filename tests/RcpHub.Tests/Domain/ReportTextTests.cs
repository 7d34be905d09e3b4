using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

public sealed class ReportTextTests
{
    [Fact]
    public void Hard_wrapped_lines_are_one_paragraph_and_a_blank_line_starts_the_next()
    {
        var pasted = "The session heard from civil\r\nsociety organisations on the\r\nrole of RCPs.\r\n\r\n  Participants   stressed\r\nprotection.\r\n";
        Assert.Equal(["The session heard from civil society organisations on the role of RCPs.", "Participants stressed protection."], ReportText.Paragraphs(pasted));
        Assert.Equal("The session heard from civil society organisations on the role of RCPs.\n\nParticipants stressed protection.", ReportText.Stored(pasted));
        Assert.Null(ReportText.Stored(" \r\n "));
    }

    [Fact]
    public void A_hyphen_at_a_line_end_goes_before_lower_case_and_stays_before_upper_case()
    {
        Assert.Equal(["consultative processes and non-State actors"], ReportText.Paragraphs("consulta-\ntive processes and non-\nState actors"));
        Assert.Equal("a 2020- 2021 plan", ReportText.Paragraphs("a 2020-\n2021 plan")[0]);
    }

    [Theory]
    [InlineData("1. First point\n2. Second point")]
    [InlineData("1) First point\n2) Second point")]
    [InlineData("(a) First point\n(b) Second point")]
    [InlineData("• First point\n• Second point")]
    [InlineData("- First point\n- Second point")]
    [InlineData("a) First point\r\nb) Second point\r\n")]
    public void Numbered_or_bulleted_lines_become_points(string pasted) =>
        Assert.Equal(["First point", "Second point"], ReportText.Points(pasted));

    [Fact]
    public void A_point_keeps_its_wrapped_lines_and_its_second_paragraph()
    {
        var pasted = "1. RCPs are spaces of trust between\r\n   states.\r\n\r\n   They also need civil society.\r\n2. Data should be shared.";
        Assert.Equal(["RCPs are spaces of trust between states.\n\nThey also need civil society.", "Data should be shared."], ReportText.Points(pasted));
    }

    [Fact]
    public void Without_markers_every_line_is_a_point_as_before()
    {
        Assert.Equal(["First", "Second", "Third"], ReportText.Points("  First \r\n\r\nSecond\n \nThird\n"));
        Assert.Empty(ReportText.Points(null));
    }

    [Fact]
    public void Points_shown_for_editing_read_back_as_the_same_points()
    {
        IReadOnlyList<string> points = ["One\n\nstill one", "Two", "Three - with a dash"];
        Assert.Equal(points, ReportText.Points(ReportText.Numbered(points)));
    }

    [Fact]
    public void Text_stored_one_paragraph_a_line_is_edited_with_blank_lines_and_reads_back_the_same()
    {
        const string stored = "First paragraph.\nSecond paragraph.";
        Assert.Equal("First paragraph.\n\nSecond paragraph.", ReportText.Editable(stored));
        Assert.Equal("First paragraph.\n\nSecond paragraph.", ReportText.Stored(ReportText.Editable(stored)));
    }

    [Fact]
    public void Line_ends_are_counted_once()
    {
        var text = string.Join("\r\n", Enumerable.Repeat("x", 10));
        Assert.Equal(19, ReportText.Lf(text).Length);
        Assert.Equal("a\nb\nc", ReportText.Lf("a\r\nb\rc"));
    }
}
