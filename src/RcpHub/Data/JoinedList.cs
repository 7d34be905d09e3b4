using System.Globalization;

namespace RcpHub.Data;

/// <summary>A small collection read as one column that the database joined with commas, so that a query returns one row
/// per entity instead of one per entity and linked row. Written in a projection as
/// <c>r.States.GroupBy(s => s.RecommendationId).Select(g => string.Join(",", g.Select(s => s.StateCode))).FirstOrDefault()</c>
/// (a subquery with <c>group_concat</c> on SQLite, <c>string_agg</c> on PostgreSQL; EF Core joins a plain
/// <c>string.Join</c> over a navigation on the client, from the joined rows). The order of the parts is the
/// database's: callers sort.</summary>
public static class JoinedList
{
    /// <summary>Codes without commas (state codes).</summary>
    public static List<string> Codes(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : [.. joined.Split(',')];

    public static List<int> Numbers(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : [.. joined.Split(',').Select(n => int.Parse(n, NumberStyles.Integer, CultureInfo.InvariantCulture))];
}
