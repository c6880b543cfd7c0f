using Stagecraft.Images.Facts;
using Stagecraft.Images.Files;
using Stagecraft.Images.Inspection;
using Stagecraft.Images.Policy;

namespace Stagecraft.Images.Diff;

/// <summary>
/// Compares two inspected images, in the spirit of container-diff's analyzers (size, layer, file, apt, history,
/// metadata): what a rebuild or an optimisation really changed. Reads only the two <see cref="ImageInspection"/>s.
/// </summary>
/// <remarks>
/// Files are compared by what the merged filesystems record — type, size, mode and link target — not by content: a
/// file rewritten with the same size and mode is not reported, unless only one image has it. A path whose entry comes
/// from a layer both images share is the same file in both.
/// </remarks>
public static class ImageComparer
{
    public const int DefaultTop = 20;

    public static ImageDiff Compare(ImageInspection before, ImageInspection after, int top = DefaultTop)
    {
        var (added, removed, changed) = Files(before, after, top);
        return new ImageDiff(
            before.Reference.ToString(), after.Reference.ToString(), before.ConfigDigest.ToString(), after.ConfigDigest.ToString(),
            new SizeChange(before.TotalSize, after.TotalSize),
            new SizeChange(before.CompressedSize, after.CompressedSize),
            new SizeChange(before.Layers.Count, after.Layers.Count),
            new SizeChange(before.Files.FileCount, after.Files.FileCount),
            Layers(before, after), added, removed, changed,
            Packages(before.Facts.Packages, after.Facts.Packages),
            Facts(before.Facts, after.Facts),
            ConfigComparer.Compare(before.Facts.Config, after.Facts.Config));
    }

    private static List<LayerDiff> Layers(ImageInspection before, ImageInspection after)
    {
        var inBefore = before.Layers.GroupBy(l => l.DiffId.ToString()).ToDictionary(g => g.Key, g => g.First());
        var inAfter = after.Layers.GroupBy(l => l.DiffId.ToString()).ToDictionary(g => g.Key, g => g.First());
        var result = new List<LayerDiff>();
        foreach (var layer in before.Layers)
        {
            var id = layer.DiffId.ToString();
            var other = inAfter.GetValueOrDefault(id);
            result.Add(new LayerDiff(id, other is not null, layer.Index, other?.Index, layer.Size, layer.CompressedSize, layer.CreatedBy));
        }
        foreach (var layer in after.Layers.Where(l => !inBefore.ContainsKey(l.DiffId.ToString())))
            result.Add(new LayerDiff(layer.DiffId.ToString(), false, null, layer.Index, layer.Size, layer.CompressedSize, layer.CreatedBy));
        return result;
    }

    private static (FileDiffList Added, FileDiffList Removed, FileDiffList Changed) Files(ImageInspection before, ImageInspection after, int top)
    {
        var sharedBefore = SharedLayerIndexes(before, after);
        var sharedAfter = SharedLayerIndexes(after, before);
        var old = new Dictionary<string, IndexedFile>(StringComparer.Ordinal);
        foreach (var file in before.Files.EnumerateFiles())
        {
            if (file.Kind != LayerEntryKind.Directory)
                old[file.Path] = file;
        }
        var added = new List<FileDiff>();
        var changed = new List<FileDiff>();
        foreach (var file in after.Files.EnumerateFiles())
        {
            if (file.Kind == LayerEntryKind.Directory)
                continue;
            if (!old.Remove(file.Path, out var was))
            {
                added.Add(new FileDiff(file.Path, ChangeKind.Added, null, file.Size));
                continue;
            }
            var sameLayer = sharedBefore.TryGetValue(was.Layer, out var id) && sharedAfter.TryGetValue(file.Layer, out var otherId) && id == otherId;
            if (!sameLayer && (was.Kind != file.Kind || was.Size != file.Size || was.Mode != file.Mode || was.LinkTarget != file.LinkTarget))
                changed.Add(new FileDiff(file.Path, ChangeKind.Changed, was.Size, file.Size));
        }
        var removed = old.Values.Select(f => new FileDiff(f.Path, ChangeKind.Removed, f.Size, null)).ToList();
        return (
            List(added, added.Sum(f => f.SizeAfter ?? 0), f => f.SizeAfter ?? 0, top),
            List(removed, removed.Sum(f => f.SizeBefore ?? 0), f => f.SizeBefore ?? 0, top),
            List(changed, changed.Sum(f => f.SizeChange), f => Math.Abs(f.SizeChange), top));
    }

    /// <summary>Layer index → diff id, for the layers of <paramref name="image"/> that <paramref name="other"/> has too.</summary>
    private static Dictionary<int, string> SharedLayerIndexes(ImageInspection image, ImageInspection other)
    {
        var ids = other.Layers.Select(l => l.DiffId.ToString()).ToHashSet(StringComparer.Ordinal);
        return image.Layers.Where(l => ids.Contains(l.DiffId.ToString())).ToDictionary(l => l.Index, l => l.DiffId.ToString());
    }

    private static FileDiffList List(List<FileDiff> files, long bytes, Func<FileDiff, long> weight, int top) =>
        new(files.Count, bytes, files.OrderByDescending(weight).ThenBy(f => f.Path, StringComparer.Ordinal).Take(top).ToList());

    private static List<PackageDiff> Packages(PackageInventory before, PackageInventory after)
    {
        var old = before.Databases.SelectMany(d => d.Packages.Select(p => (Manager: Manager(d.Manager), Package: p)))
            .GroupBy(p => (p.Manager, p.Package.Name)).ToDictionary(g => g.Key, g => g.First().Package);
        var result = new List<PackageDiff>();
        foreach (var database in after.Databases)
        {
            var manager = Manager(database.Manager);
            foreach (var package in database.Packages)
            {
                if (!old.Remove((manager, package.Name), out var was))
                    result.Add(new PackageDiff(manager, package.Name, ChangeKind.Added, null, package.Version, null, package.InstalledSize));
                else if (was.Version != package.Version)
                    result.Add(new PackageDiff(manager, package.Name, ChangeKind.Changed, was.Version, package.Version, was.InstalledSize, package.InstalledSize));
            }
        }
        result.AddRange(old.Select(p => new PackageDiff(p.Key.Manager, p.Key.Name, ChangeKind.Removed, p.Value.Version, null, p.Value.InstalledSize, null)));
        return result.OrderBy(p => p.Change).ThenBy(p => p.Manager, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    private static string Manager(OsPackageManager manager) => manager.ToString().ToLowerInvariant();

    private static List<FactDiff> Facts(ImageFacts before, ImageFacts after)
    {
        var result = new List<FactDiff>();
        Compare(result, "build-tool", before.BuildTools, after.BuildTools, t => t.Name, t => string.Join(", ", t.Locations.Select(l => l.Path)), _ => null);
        Compare(result, "secret", before.Secrets, after.Secrets, s => SecretKinds.Name(s.Kind) + " " + s.Location, s => s.Location, _ => null);
        Compare(result, "cache", before.Caches, after.Caches, c => c.Tool + " " + c.Path, c => c.Path, c => c.Bytes);
        return result;
    }

    /// <summary>Facts keyed by <paramref name="key"/>: those only the second image has appeared, those only the first has disappeared.</summary>
    private static void Compare<T>(List<FactDiff> result, string category, IReadOnlyList<T> before, IReadOnlyList<T> after,
        Func<T, string> key, Func<T, string> where, Func<T, long?> bytes)
    {
        var old = before.GroupBy(key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (name, fact) in old.Where(f => !now.ContainsKey(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal))
            result.Add(new FactDiff(category, Name(category, name), ChangeKind.Removed, where(fact), bytes(fact)));
        foreach (var (name, fact) in now.Where(f => !old.ContainsKey(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal))
            result.Add(new FactDiff(category, Name(category, name), ChangeKind.Added, where(fact), bytes(fact)));
    }

    // Secrets and caches are keyed by kind and place; their name is the kind alone.
    private static string Name(string category, string key) => category == "build-tool" ? key : key.Split(' ')[0];
}
