using System.Text.Json;

namespace RcpHub.Features.Map;

/// <summary>A point in degrees of longitude and latitude.</summary>
public readonly record struct GeoPoint(double Lon, double Lat);

/// <summary>One feature of a TopoJSON object: its id (for world-atlas, the ISO 3166-1 numeric code, e.g. "004")
/// and the rings of all its polygons, exterior rings and holes alike.</summary>
public sealed record GeoFeature(string? Id, string? Name, IReadOnlyList<IReadOnlyList<GeoPoint>> Rings);

/// <summary>Reads polygons out of a TopoJSON topology (https://github.com/topojson/topojson-specification):
/// arcs are shared between neighbouring features, quantized to integers and delta-encoded when the topology
/// has a transform; a geometry lists arc indices, where ~i (that is -i-1) means arc i walked backwards.</summary>
public static class TopoJson
{
    public static IReadOnlyList<GeoFeature> Decode(Stream topology, string objectName)
    {
        using var document = JsonDocument.Parse(topology);
        return Decode(document.RootElement, objectName);
    }

    public static IReadOnlyList<GeoFeature> Decode(JsonElement root, string objectName)
    {
        var arcs = DecodeArcs(root);
        var geometries = root.GetProperty("objects").GetProperty(objectName).GetProperty("geometries");
        var features = new List<GeoFeature>(geometries.GetArrayLength());
        foreach (var geometry in geometries.EnumerateArray())
        {
            var type = geometry.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
            List<JsonElement> polygons = type switch
            {
                "Polygon" => [geometry.GetProperty("arcs")],
                "MultiPolygon" => [.. geometry.GetProperty("arcs").EnumerateArray()],
                // Points, lines and empty geometries have no area to shade.
                _ => [],
            };
            var rings = polygons.SelectMany(p => p.EnumerateArray()).Select(ring => Stitch(ring, arcs)).ToList();
            var id = geometry.TryGetProperty("id", out var idElement) ? idElement.ToString() : null;
            var name = geometry.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("name", out var nameElement) ? nameElement.GetString() : null;
            features.Add(new GeoFeature(id, name, rings));
        }
        return features;
    }

    private static List<GeoPoint[]> DecodeArcs(JsonElement root)
    {
        var quantized = root.TryGetProperty("transform", out var transform);
        var (sx, sy, tx, ty) = quantized
            ? (transform.GetProperty("scale")[0].GetDouble(), transform.GetProperty("scale")[1].GetDouble(),
               transform.GetProperty("translate")[0].GetDouble(), transform.GetProperty("translate")[1].GetDouble())
            : (1d, 1d, 0d, 0d);
        var arcs = new List<GeoPoint[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new GeoPoint[arc.GetArrayLength()];
            double x = 0, y = 0;
            var i = 0;
            foreach (var position in arc.EnumerateArray())
            {
                if (quantized)
                {
                    // Delta encoding: each position is the offset from the previous one, in quantized units.
                    x += position[0].GetDouble();
                    y += position[1].GetDouble();
                    points[i++] = new GeoPoint(x * sx + tx, y * sy + ty);
                }
                else
                {
                    points[i++] = new GeoPoint(position[0].GetDouble(), position[1].GetDouble());
                }
            }
            arcs.Add(points);
        }
        return arcs;
    }

    /// <summary>Joins a ring's arcs end to start; each arc after the first repeats the previous arc's last point.</summary>
    private static GeoPoint[] Stitch(JsonElement ring, List<GeoPoint[]> arcs)
    {
        var points = new List<GeoPoint>();
        foreach (var reference in ring.EnumerateArray())
        {
            var index = reference.GetInt32();
            var arc = arcs[index >= 0 ? index : ~index];
            IEnumerable<GeoPoint> walk = index >= 0 ? arc : arc.Reverse();
            points.AddRange(points.Count == 0 ? walk : walk.Skip(1));
        }
        return [.. points];
    }
}
