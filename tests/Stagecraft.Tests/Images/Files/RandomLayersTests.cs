using Stagecraft.Images;
using Stagecraft.Images.Files;
using Stagecraft.Tests.Images.Files.Support;

namespace Stagecraft.Tests.Images.Files;

/// <summary>
/// The index against slow, literal oracles on thousands of random layer stacks, built to hit every odd case at once:
/// whiteouts of present, absent and re-shipped paths, opaque markers (the root's too), duplicates, replacements, hard
/// links in and across layers, names that sort before and after dive's ".wh." markers.
/// </summary>
public class RandomLayersTests
{
    private static readonly string[] Names = ["a", "b", "+c", ".d", ".x"];

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 8).Select(i => i * 1000));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_merged_view_and_reclaimable_bytes_match_the_overlay_oracle(int firstSeed)
    {
        for (var seed = firstSeed; seed < firstSeed + 500; seed++)
        {
            var layers = RandomLayers(new Random(seed));
            var index = Entries.Index([.. layers.Select(l => l.ToArray())]);
            var oracle = new NaiveOverlay();
            foreach (var layer in layers)
                oracle.Apply(layer);
            var tree = index.EnumerateFiles().OrderBy(f => f.Path, StringComparer.Ordinal)
                .Select(f => $"{f.Path} {Short(f.Kind)} {(f.Kind == LayerEntryKind.Directory ? "-" : f.Size)}").ToArray();
            Assert.True(oracle.Tree().SequenceEqual(tree), $"seed {seed}: merged view\n{Describe(layers)}\nexpected:\n{string.Join('\n', oracle.Tree())}\nactual:\n{string.Join('\n', tree)}");
            Assert.True(oracle.TotalSize == index.TotalSize, $"seed {seed}: total {index.TotalSize}, oracle {oracle.TotalSize}\n{Describe(layers)}");
            Assert.True(oracle.ReclaimableByLayer.SequenceEqual(index.Layers.Select(l => l.ReclaimableBytes)), $"seed {seed}: reclaimable per layer\n{Describe(layers)}");
            Assert.True(oracle.ObsoletedByLayer.SequenceEqual(index.Layers.Select(l => l.ObsoletedBytes)), $"seed {seed}: obsoleted per layer\n{Describe(layers)}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_dive_figures_match_the_literal_dive_oracle(int firstSeed)
    {
        for (var seed = firstSeed; seed < firstSeed + 500; seed++)
        {
            var layers = RandomLayers(new Random(seed));
            var dive = FileIndex.Build(layers).DiveCompatible;
            var oracle = NaiveDive.Compute(layers);
            var message = $"seed {seed}\n{Describe(layers)}";
            Assert.True(BitConverter.DoubleToInt64Bits(oracle.Score) == BitConverter.DoubleToInt64Bits(dive.EfficiencyScore),
                $"score {dive.EfficiencyScore}, oracle {oracle.Score} ({oracle.Smallest}/{oracle.Cumulative}); {message}");
            Assert.True(oracle.Inefficient == dive.InefficientBytes, $"inefficient {dive.InefficientBytes}, oracle {oracle.Inefficient}; {message}");
            Assert.True(oracle.Paths.SequenceEqual(dive.Inefficiencies.Select(i => (i.Path, i.Count, i.CumulativeSize))),
                $"inefficient paths [{string.Join(", ", dive.Inefficiencies)}], oracle [{string.Join(", ", oracle.Paths)}]; {message}");
        }
    }

    private static List<List<LayerEntry>> RandomLayers(Random random)
    {
        var layers = new List<List<LayerEntry>>();
        var layerCount = random.Next(1, 6);
        for (var l = 0; l < layerCount; l++)
        {
            var layer = new List<LayerEntry>();
            var entryCount = random.Next(0, 9);
            for (var e = 0; e < entryCount; e++)
            {
                var path = RandomPath(random);
                var roll = random.Next(100);
                layer.Add(roll switch
                {
                    < 30 => Entries.File(path, random.Next(0, 4) * 10 + random.Next(1, 3)),
                    < 50 => Entries.Dir(path),
                    < 66 => Entries.Whiteout(path),
                    < 74 => Entries.Opaque(random.Next(8) == 0 ? "/" : path),
                    < 86 => Entries.HardLink(path, random.Next(2) == 0 ? RandomPath(random)[1..] : RandomPath(random)),
                    < 92 => Entries.Symlink(path, "elsewhere"),
                    < 96 => Entries.Dir("/"),
                    _ => layer.Count > 0 ? layer[random.Next(layer.Count)] : Entries.File(path, 5),
                });
            }
            layers.Add(layer);
        }
        return layers;
    }

    private static string RandomPath(Random random)
    {
        var depth = random.Next(1, 4);
        var path = "";
        for (var i = 0; i < depth; i++)
            path += "/" + Names[random.Next(Names.Length)];
        return path;
    }

    private static string Describe(List<List<LayerEntry>> layers) =>
        string.Join('\n', layers.Select((l, i) => $"layer {i}: " + string.Join(", ", l.Select(e => $"{e.Kind} {e.Path}{(e.Size > 0 ? " " + e.Size : "")}{(e.LinkTarget is null ? "" : " -> " + e.LinkTarget)}"))));

    private static string Short(LayerEntryKind kind) => kind switch
    {
        LayerEntryKind.File => "f",
        LayerEntryKind.Directory => "d",
        LayerEntryKind.Hardlink => "h",
        LayerEntryKind.Symlink => "l",
        _ => kind.ToString(),
    };
}
