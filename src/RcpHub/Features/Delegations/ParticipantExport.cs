namespace RcpHub.Features.Delegations;

/// <summary>The participant list as a table of text cells (one row per delegate), which
/// <see cref="Infrastructure.Exports.TableExport"/> writes as CSV or XLSX.</summary>
public static class ParticipantExport
{
    public static IReadOnlyList<string[]> Table(IReadOnlyList<DelegationRow> delegations, DelegationLabels labels, Func<string, string> text)
    {
        var table = new List<string[]>
        {
            new[] { text("State"), text("Delegation status"), text("Name"), text("Function"), text("Ministry or agency"), text("Category"), text("Gender"), text("Head of delegation") },
        };
        foreach (var d in delegations)
        {
            foreach (var x in d.Delegates)
            {
                table.Add([d.StateName, labels.Status(d.Status), x.Name, x.Function ?? "", x.Ministry, labels.Category(x.Category), labels.Gender(x.Gender), x.IsHead ? text("Yes") : ""]);
            }
        }
        return table;
    }

    /// <summary>The public's table: one row per confirmed delegation, its state and how many delegates it sent.</summary>
    public static IReadOnlyList<object?[]> PublicTable(IReadOnlyList<DelegationRow> delegations, Func<string, string> text) =>
    [
        [text("State"), text("Delegates")],
        .. delegations.Select(d => new object?[] { d.StateName, d.Delegates.Count }),
    ];
}
