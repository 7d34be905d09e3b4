using System.Linq.Expressions;

namespace RcpHub.Domain;

/// <summary>Who may read an output and everything that hangs from it (versions, comments, positions, recommendations,
/// follow-up in aggregate): the meeting rule's two audiences an output can have (decision 0008), never a rule of its
/// own. <see cref="MeetingAudience.Public"/>: everyone. <see cref="MeetingAudience.MembersOnly"/>: the members of its
/// process as <see cref="MeetingAccess.MemberProcesses"/> counts them (secretariat, chair, member-state focal points).
/// Platform administrators read everything. An output outside the reader's audience answers 404, like a meeting.</summary>
public static class OutputAccess
{
    /// <summary>The audiences an output may be given.</summary>
    public static readonly MeetingAudience[] Audiences = [MeetingAudience.MembersOnly, MeetingAudience.Public];

    /// <summary>The processes where the reader is a member.</summary>
    public sealed record Facts(List<int> Members);

    /// <summary>The rule, for a reader who is not a platform administrator (those read every output).</summary>
    public static readonly Expression<Func<Output, Facts, bool>> Rule = (o, f) => o.Audience == MeetingAudience.Public || f.Members.Contains(o.ProcessId);

    public static Expression<Func<Output, bool>> VisibleTo(MeetingReader reader) =>
        reader.IsPlatformAdministrator ? o => true : Rule.For(FactsOf(reader));

    /// <summary>What the rule needs to know of <paramref name="reader"/>.</summary>
    public static Facts FactsOf(MeetingReader reader) => new(MeetingAccess.MemberProcesses(reader));

    /// <summary>The recommendations of the outputs <paramref name="reader"/> may read.</summary>
    public static IQueryable<Recommendation> VisibleRecommendations(this IQueryable<Output> outputs, MeetingReader reader) =>
        outputs.Where(VisibleTo(reader)).SelectMany(o => o.Recommendations);
}
