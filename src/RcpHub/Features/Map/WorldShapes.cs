using System.Globalization;
using System.Text;

namespace RcpHub.Features.Map;

/// <summary>A country's outline as SVG path data in the map's viewBox. <see cref="Numeric"/> is the
/// ISO 3166-1 numeric code (State.Numeric), null for the few shapes world-atlas leaves without one.</summary>
public sealed record CountryShape(string? Numeric, string Path);

/// <summary>The world's countries (world-atlas countries-110m, ISC licence, embedded at build) projected with
/// Equal Earth into a <see cref="Width"/>-wide viewBox. The shapes never change while the application runs,
/// so they are computed once, on first use, and shared by every request.</summary>
public sealed class WorldShapes
{
    public const int Width = 960;

    /// <summary>Antarctica: no state, no membership, and a fifth of the map's height.</summary>
    private const string Antarctica = "010";

    private static readonly Lazy<WorldShapes> Shared = new(() => Project(WorldAtlas()));

    public static WorldShapes World => Shared.Value;

    /// <summary>The embedded world-atlas countries, in degrees, without Antarctica.</summary>
    internal static IReadOnlyList<GeoFeature> WorldAtlas()
    {
        using var stream = typeof(WorldShapes).Assembly.GetManifestResourceStream("RcpHub.Geo.countries-110m.json")
            ?? throw new InvalidOperationException("The world-atlas shapes are not embedded: build the project (npm ci) first.");
        return TopoJson.Decode(stream, "countries").Where(f => f.Id != Antarctica).ToList();
    }

    private readonly HashSet<string> _drawn;

    public int Height { get; }
    public IReadOnlyList<CountryShape> Countries { get; }

    private WorldShapes(int height, IReadOnlyList<CountryShape> countries)
    {
        (Height, Countries) = (height, countries);
        _drawn = countries.Where(c => c.Numeric is not null).Select(c => c.Numeric!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the state with this ISO numeric code has a shape at this scale (many small island states have none).</summary>
    public bool Draws(string numeric) => _drawn.Contains(numeric);

    /// <summary>Projects <paramref name="features"/> so that the whole width of the globe (±180°) fills the viewBox
    /// and its height fits the northernmost and southernmost points.</summary>
    /// <param name="decimals">Digits after the decimal point in the path data: 0 or 1 keeps the page light.</param>
    public static WorldShapes Project(IReadOnlyList<GeoFeature> features, int decimals = 0)
    {
        var projected = features
            .Select(f => (f.Id, Rings: f.Rings.SelectMany(Antimeridian.Cut).Select(r => r.Select(EqualEarth.Project).ToList()).ToList()))
            .ToList();
        var points = projected.SelectMany(f => f.Rings).SelectMany(r => r).ToList();
        var halfWidth = EqualEarth.Project(new GeoPoint(180, 0)).X;
        var (top, bottom) = points.Count == 0 ? (1d, -1d) : (points.Max(p => p.Y), points.Min(p => p.Y));
        var scale = Width / (2 * halfWidth);
        var height = (int)Math.Ceiling((top - bottom) * scale);
        var writer = new PathWriter(decimals);
        var countries = projected
            .Select(f => new CountryShape(f.Id, writer.Write(f.Rings.Select(r => r.Select(p => ((p.X + halfWidth) * scale, (top - p.Y) * scale))))))
            .Where(c => c.Path.Length > 0)
            .ToList();
        return new WorldShapes(height, countries);
    }

    /// <summary>Compact path data: each ring starts with an absolute move, then one "l" and relative pairs
    /// (the later pairs repeat the command implicitly); points that fall on the same rounded position are dropped, as are rings that
    /// collapse to fewer than three points at this precision.</summary>
    private sealed class PathWriter(int decimals)
    {
        private readonly double _factor = Math.Pow(10, decimals);

        public string Write(IEnumerable<IEnumerable<(double X, double Y)>> rings)
        {
            var path = new StringBuilder();
            foreach (var ring in rings)
            {
                var units = new List<(long X, long Y)>();
                foreach (var (x, y) in ring)
                {
                    var unit = ((long)Math.Round(x * _factor), (long)Math.Round(y * _factor));
                    if (units.Count == 0 || units[^1] != unit)
                    {
                        units.Add(unit);
                    }
                }
                if (units.Count > 1 && units[^1] == units[0])
                {
                    units.RemoveAt(units.Count - 1);
                }
                if (units.Count < 3)
                {
                    continue;
                }
                path.Append('M');
                Number(path, units[0].X, first: true);
                Number(path, units[0].Y);
                for (var i = 1; i < units.Count; i++)
                {
                    if (i == 1)
                    {
                        path.Append('l');
                    }
                    Number(path, units[i].X - units[i - 1].X, first: i == 1);
                    Number(path, units[i].Y - units[i - 1].Y);
                }
                path.Append('z');
            }
            return path.ToString();
        }

        private void Number(StringBuilder path, long units, bool first = false)
        {
            // A minus sign separates numbers by itself; otherwise a space does.
            if (!first && units >= 0)
            {
                path.Append(' ');
            }
            path.Append((units / _factor).ToString(CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): equal-area, so that large
/// countries do not look larger than they are, with the rounded outline of the Natural Earth projection.</summary>
public static class EqualEarth
{
    private const double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
    private static readonly double M = Math.Sqrt(3) / 2;

    /// <summary>Projects onto a plane where the equator runs from x = -2.7066 to 2.7066 and north is up (y grows northwards).</summary>
    public static (double X, double Y) Project(GeoPoint point)
    {
        var lambda = point.Lon * Math.PI / 180;
        var theta = Math.Asin(M * Math.Sin(point.Lat * Math.PI / 180));
        var t2 = theta * theta;
        var t6 = t2 * t2 * t2;
        var x = lambda * Math.Cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
        var y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
        return (x, y);
    }
}

/// <summary>world-atlas keeps Russia's and Fiji's rings whole across the 180th meridian (d3 cuts them on the
/// sphere when drawing); drawn flat, such a ring would cross the whole map. This cuts it into a piece on each
/// side, each closed along the meridian.</summary>
public static class Antimeridian
{
    public static IEnumerable<IReadOnlyList<GeoPoint>> Cut(IReadOnlyList<GeoPoint> ring)
    {
        // Make the longitudes continuous, so that a ring crossing the meridian runs past ±180 instead of jumping.
        var unwrapped = new List<GeoPoint>(ring.Count);
        foreach (var point in ring)
        {
            var lon = point.Lon;
            if (unwrapped.Count > 0)
            {
                var previous = unwrapped[^1].Lon;
                while (lon - previous > 180)
                {
                    lon -= 360;
                }
                while (previous - lon > 180)
                {
                    lon += 360;
                }
            }
            unwrapped.Add(point with { Lon = lon });
        }
        var west = unwrapped.Count == 0 ? 0 : unwrapped.Min(p => p.Lon);
        var east = unwrapped.Count == 0 ? 0 : unwrapped.Max(p => p.Lon);
        // A ring around a pole (Antarctica) does not close once unwrapped: it cannot be cut this way, so it stays as it is.
        var closes = unwrapped.Count == 0 || Math.Abs(unwrapped[^1].Lon - unwrapped[0].Lon) < 180;
        if ((west >= -180 && east <= 180) || !closes)
        {
            yield return ring;
            yield break;
        }
        var meridian = east > 180 ? 180 : -180;
        var inside = ClipAt(unwrapped, meridian, keepEast: meridian < 0);
        var outside = ClipAt(unwrapped, meridian, keepEast: meridian > 0);
        if (inside.Count >= 3)
        {
            yield return inside;
        }
        if (outside.Count >= 3)
        {
            yield return outside.Select(p => p with { Lon = p.Lon - 2 * meridian }).ToList();
        }
    }

    /// <summary>Sutherland–Hodgman against one meridian: keeps the part of the ring east (or west) of it,
    /// adding the points where the ring's edges cross it.</summary>
    private static List<GeoPoint> ClipAt(List<GeoPoint> ring, double meridian, bool keepEast)
    {
        bool Kept(GeoPoint p) => keepEast ? p.Lon >= meridian : p.Lon <= meridian;
        var result = new List<GeoPoint>(ring.Count);
        for (var i = 0; i < ring.Count; i++)
        {
            var current = ring[i];
            var previous = ring[(i + ring.Count - 1) % ring.Count];
            if (Kept(current) != Kept(previous))
            {
                var t = (meridian - previous.Lon) / (current.Lon - previous.Lon);
                result.Add(new GeoPoint(meridian, previous.Lat + t * (current.Lat - previous.Lat)));
            }
            if (Kept(current))
            {
                result.Add(current);
            }
        }
        return result;
    }
}
