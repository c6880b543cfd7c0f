namespace Stagecraft.Images.Diff;

/// <summary>A number before and after; <see cref="Change"/> is after minus before.</summary>
public sealed record SizeChange(long Before, long After)
{
    public long Change => After - Before;

    /// <summary>The change as a share of <see cref="Before"/> (−0.78 is 78 % smaller); null when before is 0.</summary>
    public double? Ratio => Before == 0 ? null : (double)Change / Before;
}

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>A layer of either image: in both (same diff id), only in the first (removed) or only in the second (added).</summary>
/// <param name="Shared">True when both images have the layer (matched by the digest of its uncompressed content).</param>
/// <param name="IndexBefore">Its position in the first image; null when only the second has it.</param>
/// <param name="IndexAfter">Its position in the second image; null when only the first has it.</param>
public sealed record LayerDiff(string DiffId, bool Shared, int? IndexBefore, int? IndexAfter, long Size, long CompressedSize, string? CreatedBy);

/// <summary>A path that is not a directory, added, removed or changed (type, size, mode or link target).</summary>
public sealed record FileDiff(string Path, ChangeKind Change, long? SizeBefore, long? SizeAfter)
{
    public long SizeChange => (SizeAfter ?? 0) - (SizeBefore ?? 0);
}

/// <summary>One kind of file change: the largest entries and what all of them add up to.</summary>
/// <param name="Count">All of them, listed or not.</param>
/// <param name="Bytes">Added: bytes added; removed: bytes removed; changed: the net size change.</param>
public sealed record FileDiffList(int Count, long Bytes, IReadOnlyList<FileDiff> Largest);

/// <summary>An OS package installed in one image only, or in both with different versions.</summary>
public sealed record PackageDiff(string Manager, string Name, ChangeKind Change, string? VersionBefore, string? VersionAfter, long? SizeBefore, long? SizeAfter);

/// <summary>A build tool, secret or cache present in one image only.</summary>
/// <param name="Category">build-tool, secret or cache.</param>
/// <param name="Name">gcc; private-key; apt.</param>
/// <param name="Where">Where it lives in the image that has it.</param>
/// <param name="Bytes">For caches, their size.</param>
public sealed record FactDiff(string Category, string Name, ChangeKind Change, string Where, long? Bytes);

/// <summary>A setting of the run configuration that differs: user, entrypoint, cmd, working dir, env NAME, exposed port, healthcheck, label NAME, os, architecture.</summary>
public sealed record ConfigDiff(string Setting, string? Before, string? After)
{
    public ChangeKind Change => Before is null ? ChangeKind.Added : After is null ? ChangeKind.Removed : ChangeKind.Changed;
}

/// <summary>Everything that differs between two inspected images (<see cref="ImageComparer"/>).</summary>
public sealed record ImageDiff(
    string Before,
    string After,
    string IdBefore,
    string IdAfter,
    SizeChange TotalSize,
    SizeChange CompressedSize,
    SizeChange LayerCount,
    SizeChange FileCount,
    IReadOnlyList<LayerDiff> Layers,
    FileDiffList AddedFiles,
    FileDiffList RemovedFiles,
    FileDiffList ChangedFiles,
    IReadOnlyList<PackageDiff> Packages,
    IReadOnlyList<FactDiff> Facts,
    IReadOnlyList<ConfigDiff> Config)
{
    public IEnumerable<LayerDiff> SharedLayers => Layers.Where(l => l.Shared);
}
