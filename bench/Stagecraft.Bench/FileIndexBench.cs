using System.Diagnostics;
using System.Globalization;
using Stagecraft.Images;
using Stagecraft.Images.Files;

namespace Stagecraft.Bench;

/// <summary>
/// <c>--file-index</c>: builds <see cref="FileIndex"/> from synthetic layers of 100,000 and 1,000,000 entries and reports
/// the build time, the bytes allocated while building, and the bytes the built index keeps alive. The entries are made
/// before timing starts (a reader delivers them), so only the index is measured.
/// </summary>
internal static class FileIndexBench
{
    public static int Run(bool quick)
    {
        Console.WriteLine("FileIndex build from synthetic layers (10 layers: a base layer with 60 % of the entries, then adds,");
        Console.WriteLine("overwrites, a directory whiteout and an opaque directory per layer, hard links and symlinks)");
        Console.WriteLine();
        const string Row = "{0,10} {1,10} {2,10} {3,15} {4,10} {5,13} {6,10} {7,9} {8,8} {9,11}";
        Console.WriteLine(Row, "entries", "paths", "CPU ms", "(min..max)", "wall ms", "M entries/s", "alloc MB", "B/entry", "kept MB", "queries ms");
        foreach (var size in new[] { 100_000, 1_000_000 })
        {
            var layers = SyntheticLayers.Create(size);
            var entries = layers.Sum(l => l.Count);
            var samples = quick ? 2 : size <= 100_000 ? 9 : 5;
            Sample(layers);                              // warm-up: JIT and tiering
            var results = new List<Result>();
            for (var i = 0; i < samples; i++)
                results.Add(Sample(layers));
            var byCpu = results.OrderBy(r => r.CpuMs).ToList();
            var median = byCpu[byCpu.Count / 2];
            Console.WriteLine(Row,
                entries.ToString("N0", CultureInfo.InvariantCulture),
                median.Paths.ToString("N0", CultureInfo.InvariantCulture),
                median.CpuMs.ToString("N0", CultureInfo.InvariantCulture),
                $"({byCpu[0].CpuMs:N0}..{byCpu[^1].CpuMs:N0})",
                median.WallMs.ToString("N0", CultureInfo.InvariantCulture),
                (entries / median.CpuMs / 1000).ToString("0.00", CultureInfo.InvariantCulture),
                (median.Allocated / 1e6).ToString("N1", CultureInfo.InvariantCulture),
                ((double)median.Allocated / entries).ToString("N0", CultureInfo.InvariantCulture),
                (median.Kept / 1e6).ToString("N1", CultureInfo.InvariantCulture),
                median.QueryMs.ToString("N0", CultureInfo.InvariantCulture));
        }
        Console.WriteLine();
        Console.WriteLine("CPU ms: process CPU time of one build (median; the GC runs on the same thread), M entries/s from it;");
        Console.WriteLine("wall ms: the same build's elapsed time, which other work on the machine inflates.");
        Console.WriteLine("alloc: GC.GetAllocatedBytesForCurrentThread() over one build. kept: managed heap growth with the index alive");
        Console.WriteLine("(the entries themselves, which the index references, are not counted: they existed before the build).");
        Console.WriteLine("queries: LargestFiles(20) + LargestDirectories(20) + ReclaimableByPath() + SetuidSetgidFiles() on the built index.");
        var load = System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Trim() : null;
        if (load is not null)
            Console.WriteLine($"load average at end: {load}");
        return 0;
    }

    private sealed record Result(double CpuMs, double WallMs, long Allocated, long Kept, int Paths, double QueryMs);

    // Its own frame, so the index of the previous sample is unreachable when this one measures the heap.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Result Sample(List<IReadOnlyList<LayerEntry>> layers)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var index = FileIndex.Build(layers);
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var kept = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var queries = Stopwatch.StartNew();
        var found = index.LargestFiles(20).Count + index.LargestDirectories(20).Count + index.ReclaimableByPath().Count + index.SetuidSetgidFiles().Count;
        queries.Stop();
        if (found < 0 || index.DiveCompatible.EfficiencyScore > 1)
            throw new InvalidOperationException("unreachable");
        return new Result(cpu.TotalMilliseconds, watch.Elapsed.TotalMilliseconds, allocated, kept, index.FileCount + index.DirectoryCount, queries.Elapsed.TotalMilliseconds);
    }
}

/// <summary>Deterministic synthetic layers shaped like a distribution base plus application layers.</summary>
internal static class SyntheticLayers
{
    private const int FilesPerDirectory = 200;

    public static List<IReadOnlyList<LayerEntry>> Create(int entries)
    {
        var random = new Random(42);
        var layers = new List<IReadOnlyList<LayerEntry>>();
        var baseFiles = new List<string>();
        var baseDirectories = new List<string>();

        var layer = new List<LayerEntry> { Dir("/usr"), Dir("/usr/lib"), Dir("/usr/bin") };
        var baseTarget = entries * 6 / 10;
        for (var d = 0; layer.Count < baseTarget; d++)
        {
            var directory = $"/usr/lib/package-{d:D5}";
            layer.Add(Dir(directory));
            baseDirectories.Add(directory);
            for (var f = 0; f < FilesPerDirectory && layer.Count < baseTarget; f++)
            {
                var path = $"{directory}/lib-component-{f:D3}.so";
                layer.Add(File(path, random.Next(1, 65_536), f % 97 == 0 ? 0x9ED : 0x1A4));
                baseFiles.Add(path);
                if (f % 20 == 0)
                    layer.Add(new LayerEntry($"/usr/bin/tool-{d:D5}-{f:D3}", LayerEntryKind.Hardlink, 0, 0x1ED, 0, 0, path[1..], DateTimeOffset.UnixEpoch));
                if (f % 50 == 1)
                    layer.Add(new LayerEntry($"{directory}/alias-{f:D3}.so", LayerEntryKind.Symlink, 0, 0x1FF, 0, 0, $"lib-component-{f:D3}.so", DateTimeOffset.UnixEpoch));
            }
        }
        layers.Add(layer);

        var perLayer = (entries - baseTarget) / 9;
        for (var l = 1; l <= 9; l++)
        {
            layer = [Dir("/usr"), Dir("/usr/lib"), Dir("/app"), Dir($"/app/layer-{l}")];
            // A directory whiteout (a removed package) and an opaque directory re-shipped with a few files.
            layer.Add(Whiteout(baseDirectories[random.Next(baseDirectories.Count)]));
            if (l > 1)
            {
                var hidden = $"/app/layer-{l - 1}/module-00000";
                layer.Add(Dir(hidden));
                layer.Add(new LayerEntry(hidden, LayerEntryKind.OpaqueDirectory, 0, 0, 0, 0, null, DateTimeOffset.UnixEpoch));
                for (var f = 0; f < 10; f++)
                    layer.Add(File($"{hidden}/rebuilt-{f}.js", 2_000, 0x1A4));
            }
            var target = layer.Count + perLayer;
            // A quarter overwrites base files (an upgrade or a chmod), the rest are new application files.
            for (var i = 0; layer.Count < target && i < perLayer / 4; i++)
                layer.Add(File(baseFiles[random.Next(baseFiles.Count)], random.Next(1, 65_536), 0x1A4));
            for (var d = 0; layer.Count < target; d++)
            {
                var directory = $"/app/layer-{l}/module-{d:D5}";
                layer.Add(Dir(directory));
                for (var f = 0; f < FilesPerDirectory && layer.Count < target; f++)
                    layer.Add(File($"{directory}/file-{f:D3}.js", random.Next(1, 16_384), 0x1A4));
            }
            layers.Add(layer);
        }
        return layers;
    }

    private static LayerEntry Dir(string path) => new(path, LayerEntryKind.Directory, 0, 0x1ED, 0, 0, null, DateTimeOffset.UnixEpoch);

    private static LayerEntry File(string path, long size, int mode) => new(path, LayerEntryKind.File, size, mode, 0, 0, null, DateTimeOffset.UnixEpoch);

    private static LayerEntry Whiteout(string path) => new(path, LayerEntryKind.Whiteout, 0, 0, 0, 0, null, DateTimeOffset.UnixEpoch);
}
