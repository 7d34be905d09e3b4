namespace RcpHub.Features.My;

/// <summary>Duties as a list shows them: on the reader's clock too, and at most <see cref="Limit"/> of them (the rest
/// counted), so that a process with a long backlog keeps a short page.</summary>
public sealed record DutyList(IReadOnlyList<Duty> Duties, string ReaderZone, int Limit = 50, bool ShowsProcess = true)
{
    public DutyList Of(DutyKind kind, int limit) => this with { Duties = [.. Duties.Where(d => d.Kind == kind)], Limit = limit };
}
