using System.Linq.Expressions;
using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

/// <summary>A rule asked inside a query written in C# (<see cref="RuleExpressions.Holds{T, TFacts}"/>, expanded): what the
/// library's compiled queries ask. Its answer must be the rule's own, whether the facts are a value or written as
/// <c>new Facts(...)</c> of the query's parameters.</summary>
public sealed class RuleExpressionsTests
{
    private static readonly Expression<Func<Output, List<int>, bool>> AskedWithItsListWritten =
        RuleExpressions.Expand<Func<Output, List<int>, bool>>((o, members) => OutputAccess.Rule.Holds(o, new OutputAccess.Facts(members)));

    private static Output OutputOf(int processId, MeetingAudience audience) => new() { ProcessId = processId, Audience = audience, Title = "Declaration", OriginalLanguage = "en" };

    [Fact]
    public void Facts_written_as_new_facts_are_read_as_the_arguments_they_are_made_of()
    {
        var asked = AskedWithItsListWritten.Compile();
        Assert.True(asked(OutputOf(1, MeetingAudience.MembersOnly), [1, 2]));
        Assert.False(asked(OutputOf(3, MeetingAudience.MembersOnly), [1, 2]));
        Assert.True(asked(OutputOf(3, MeetingAudience.Public), []));
        // No constructor is left for a query to translate: the rule reads the parameter itself.
        Assert.DoesNotContain("new Facts", AskedWithItsListWritten.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_asked_of_nested_facts_gives_the_rule_s_own_answer()
    {
        Expression<Func<Meeting, MeetingAccess.Facts, bool>> asked = RuleExpressions.Expand<Func<Meeting, MeetingAccess.Facts, bool>>(
            (m, f) => MeetingAccess.Rule.Holds(m, new MeetingAccess.Facts(f.Members, f.MembersAndObservers, f.Organisers, f.States, f.Organizations, f.UserId, true, true)));
        var meeting = new Meeting { ProcessId = 1, Title = "Expert meeting", TimeZoneId = "UTC", Audience = MeetingAudience.MembersOnly, SummaryPublished = true };
        var outsider = new MeetingAccess.Facts([], [], [], [], [], "someone", false, true);

        // Listed by its summary (the facts written with IncludeSummaries true), though the outsider's own facts say false.
        Assert.True(asked.Compile()(meeting, outsider));
        Assert.False(MeetingAccess.Rule.Compile()(meeting, outsider));
    }

    [Fact]
    public void Holds_outside_an_expanded_query_says_what_it_stands_for()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OutputAccess.Rule.Holds(OutputOf(1, MeetingAudience.Public), new OutputAccess.Facts([])));
        Assert.Contains(nameof(RuleExpressions.Expand), error.Message, StringComparison.Ordinal);
    }
}
