using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RcpHub.Features.Map;

namespace RcpHub.Tests.Features.Map;

public sealed partial class WorldShapesTests
{
    // Two squares sharing the edge x = 1 (arc 1), quantized on a 0.5-degree grid from (10, 20), arcs delta-encoded.
    private const string TwoSquares = """
        {
          "type": "Topology",
          "transform": { "scale": [0.5, 0.5], "translate": [10, 20] },
          "objects": { "squares": { "type": "GeometryCollection", "geometries": [
            { "type": "Polygon", "id": "001", "properties": { "name": "West" }, "arcs": [[0, 1]] },
            { "type": "MultiPolygon", "id": "002", "arcs": [[[-2, 2]]] },
            { "type": null, "id": "003" }
          ] } },
          "arcs": [
            [[2, 0], [-2, 0], [0, 2], [2, 0]],
            [[2, 2], [0, -2]],
            [[2, 2], [2, 0], [0, -2], [-2, 0]]
          ]
        }
        """;

    [Fact]
    public void A_quantized_topology_decodes_to_the_coordinates_it_encodes()
    {
        var features = Decode(TwoSquares, "squares");

        Assert.Equal(["001", "002", "003"], features.Select(f => f.Id));
        Assert.Equal("West", features[0].Name);
        var west = Assert.Single(features[0].Rings);
        Assert.Equal([P(11, 20), P(10, 20), P(10, 21), P(11, 21), P(11, 20)], west);
        // The shared edge, arc 1, walked backwards (~1 = -2) opens the eastern square.
        var east = Assert.Single(features[1].Rings);
        Assert.Equal([P(11, 20), P(11, 21), P(12, 21), P(12, 20), P(11, 20)], east);
        Assert.Empty(features[2].Rings);
    }

    [Fact]
    public void A_topology_without_transform_holds_plain_coordinates()
    {
        var features = Decode("""
            { "type": "Topology", "arcs": [[[0, 0], [5, 0], [5, 5], [0, 0]]],
              "objects": { "one": { "type": "GeometryCollection", "geometries": [{ "type": "Polygon", "id": 7, "arcs": [[0]] }] } } }
            """, "one");

        Assert.Equal("7", features[0].Id);
        Assert.Equal([P(0, 0), P(5, 0), P(5, 5), P(0, 0)], features[0].Rings[0]);
    }

    [Fact]
    public void Equal_Earth_keeps_the_centre_and_the_symmetries_and_its_published_extent()
    {
        Assert.Equal((0d, 0d), EqualEarth.Project(P(0, 0)));
        var (x, y) = EqualEarth.Project(P(30, 45));
        Assert.Equal((-x, y), EqualEarth.Project(P(-30, 45)));
        Assert.Equal((x, -y), EqualEarth.Project(P(30, -45)));
        // Šavrič et al. 2018: on the unit sphere the map is 2 × 2.707 wide and 2 × 1.317 high (ratio 2.05).
        Assert.Equal(2.707, EqualEarth.Project(P(180, 0)).X, 3);
        Assert.Equal(1.317, EqualEarth.Project(P(0, 90)).Y, 3);
    }

    [Fact]
    public void A_ring_across_the_180th_meridian_is_cut_into_one_piece_on_each_side()
    {
        IReadOnlyList<GeoPoint> ring = [P(178, -16), P(-179, -16), P(-179, -17), P(178, -17), P(178, -16)];

        var pieces = Antimeridian.Cut(ring).ToList();

        Assert.Equal(2, pieces.Count);
        Assert.All(pieces.SelectMany(p => p), p => Assert.InRange(p.Lon, -180, 180));
        Assert.Contains(pieces, p => p.All(q => q.Lon >= 178) && p.Any(q => q.Lon == 180));
        Assert.Contains(pieces, p => p.All(q => q.Lon <= -179) && p.Any(q => q.Lon == -180));
    }

    [Fact]
    public void A_ring_that_does_not_cross_the_meridian_is_left_as_it_is()
    {
        IReadOnlyList<GeoPoint> ring = [P(10, 10), P(20, 10), P(20, 20), P(10, 10)];
        Assert.Same(ring, Assert.Single(Antimeridian.Cut(ring)));
    }

    [Fact]
    public void No_country_of_the_world_atlas_spans_half_the_globe_once_cut()
    {
        var rings = WorldShapes.WorldAtlas().SelectMany(f => f.Rings).SelectMany(Antimeridian.Cut).ToList();
        Assert.All(rings, r => Assert.True(r.Max(p => p.Lon) - r.Min(p => p.Lon) < 180));
    }

    [Fact]
    public void Every_country_is_drawn_inside_the_view_box_and_South_Africa_is_there()
    {
        var world = WorldShapes.World;

        Assert.InRange(world.Height, 380, 480);
        Assert.InRange(world.Countries.Count, 170, 176);
        Assert.DoesNotContain(world.Countries, c => c.Numeric == "010");
        Assert.True(world.Draws("710"));
        Assert.False(world.Draws("690"), "Seychelles has no shape at 1:110m.");
        foreach (var country in world.Countries)
        {
            foreach (var (x, y) in Points(country.Path))
            {
                Assert.InRange(x, 0, WorldShapes.Width);
                Assert.InRange(y, 0, world.Height);
            }
        }
        // South Africa: east of Greenwich, south of the equator.
        var southAfrica = Points(world.Countries.Single(c => c.Numeric == "710").Path).ToList();
        Assert.All(southAfrica, p => Assert.InRange(p.X, WorldShapes.Width / 2, WorldShapes.Width * 0.65));
        Assert.All(southAfrica, p => Assert.InRange(p.Y, world.Height / 2, world.Height));
    }

    [Fact]
    public void The_path_data_is_compact()
    {
        var world = WorldShapes.World;
        var size = world.Countries.Sum(c => Encoding.UTF8.GetByteCount(c.Path));
        Assert.InRange(size, 10_000, 60_000);
        Assert.All(world.Countries, c => Assert.Matches("^(M[0-9 -]+l[0-9 -]+z)+$", c.Path));
    }

    private static IReadOnlyList<GeoFeature> Decode(string json, string objectName) =>
        TopoJson.Decode(new MemoryStream(Encoding.UTF8.GetBytes(json)), objectName);

    private static GeoPoint P(double lon, double lat) => new(lon, lat);

    /// <summary>The absolute points of path data made of "M x y" then relative pairs (implicit "l"), rings closed by "z".</summary>
    private static IEnumerable<(double X, double Y)> Points(string path)
    {
        foreach (Match ring in Ring().Matches(path))
        {
            var numbers = Number().Matches(ring.Groups["moves"].Value).Select(n => double.Parse(n.Value, CultureInfo.InvariantCulture)).ToList();
            var (x, y) = (double.Parse(ring.Groups["x"].Value, CultureInfo.InvariantCulture), double.Parse(ring.Groups["y"].Value, CultureInfo.InvariantCulture));
            yield return (x, y);
            for (var i = 0; i + 1 < numbers.Count; i += 2)
            {
                (x, y) = (x + numbers[i], y + numbers[i + 1]);
                yield return (x, y);
            }
        }
    }

    [GeneratedRegex(@"M(?<x>-?[\d.]+)[ ]?(?<y>-?[\d.]+)l(?<moves>[^z]*)z")]
    private static partial Regex Ring();

    [GeneratedRegex(@"-?[\d.]+")]
    private static partial Regex Number();
}
