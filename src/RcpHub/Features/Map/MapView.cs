using RcpHub.Domain;

namespace RcpHub.Features.Map;

/// <summary>One country on a drawn map: its outline, the CSS class that shades it and its name for the tooltip.</summary>
public sealed record MapCountry(string Path, string CssClass, string? Name);

/// <summary>What the _WorldMap partial draws: the world's shapes, each shaded by <c>classOf</c>.</summary>
public sealed record MapView(string Title, int Width, int Height, IReadOnlyList<MapCountry> Countries)
{
    /// <param name="states">Every state, to name the shapes in the current language.</param>
    /// <param name="classOf">The CSS class for a state code ("member", "band-3"...), or null to leave it unshaded.</param>
    public static MapView Of(string title, IEnumerable<State> states, Func<string, string?> classOf)
    {
        var world = WorldShapes.World;
        var language = Infrastructure.Localization.Cultures.Current;
        var byNumeric = states.ToDictionary(s => s.Numeric, StringComparer.Ordinal);
        var countries = world.Countries.Select(shape =>
        {
            var state = shape.Numeric is null ? null : byNumeric.GetValueOrDefault(shape.Numeric);
            var shade = state is null ? null : classOf(state.Code);
            return new MapCountry(shape.Path, shade is null ? "country" : "country " + shade, state?.Name(language));
        }).ToList();
        return new MapView(title, WorldShapes.Width, world.Height, countries);
    }
}
