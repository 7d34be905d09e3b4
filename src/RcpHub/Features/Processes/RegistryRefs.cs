using RcpHub.Domain;

namespace RcpHub.Features.Processes;

/// <summary>A state as pages and the API name it: ISO alpha-3 code and the name in the interface language.</summary>
public sealed record StateRef(string Code, string Name)
{
    /// <summary>Called inside query projections (EF evaluates it on the loaded row), so the name is
    /// chosen in C# rather than with a CASE per language in SQL.</summary>
    public static StateRef? From(State? state, string language) => state is null ? null : new StateRef(state.Code, state.Name(language));
}

public sealed record OrganizationRef(string Slug, string Name, string? Acronym)
{
    public static OrganizationRef? From(Organization? o) => o is null ? null : new OrganizationRef(o.Slug, o.Name, o.Acronym);
}

/// <summary>A process as listed on a state's or an organization's page.</summary>
public sealed record ProcessRef(string Slug, string Acronym, string Name, ProcessKind Kind, ProcessStatus? Status);

/// <summary>A state's or an organization's part in a process, with its dates when known.</summary>
public sealed record Participation(MembershipRole Role, StateRef? State, OrganizationRef? Organization, DateOnly? JoinedOn, DateOnly? LeftOn, string? Note) : IHeldOverPeriod
{
    public string Name => State?.Name ?? Organization?.Name ?? "";
}
