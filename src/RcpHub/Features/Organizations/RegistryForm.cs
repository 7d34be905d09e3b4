using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Organizations;

/// <summary>A choice of the registry's forms: its value and its name in the reader's language.</summary>
public sealed record RegistryChoice(string Value, string Name);

/// <summary>A page with the registry entry's fields (registration and edit): the partial _RegistryFields shows them.</summary>
public interface IRegistryForm
{
    RegistrationInput Input { get; }
    IReadOnlyList<RegistryChoice> States { get; }
    IReadOnlyList<RegistryChoice> Themes { get; }
}

public static class RegistryForm
{
    /// <summary>The states and themes to choose from, sorted by name.</summary>
    public static async Task<(IReadOnlyList<RegistryChoice> States, IReadOnlyList<RegistryChoice> Themes)> ChoicesAsync(AppDbContext db, CancellationToken ct)
    {
        IReadOnlyList<RegistryChoice> states = [.. (await CivilSocietyDirectory.CountryNamesAsync(db, null, ct)).Select(s => new RegistryChoice(s.Key, s.Value)).OrderBy(s => s.Name, RegistrySorting.Names)];
        IReadOnlyList<RegistryChoice> themes = [.. (await ThemeTags.ChoicesAsync(db, ct))
            .Select(x => new RegistryChoice(x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name))];
        return (states, themes);
    }
}
