using Stagecraft.Images;
using Stagecraft.Images.Files;

namespace Stagecraft.Tests.Images.Files.Support;

/// <summary>Hand-built layer entries for index tests (paths already normalised, as the image readers deliver them).</summary>
internal static class Entries
{
    public const int RegularMode = 0x1A4;      // 0644
    public const int DirectoryMode = 0x1ED; // 0755
    public const int Setuid = 0x800;        // 04000
    public const int Setgid = 0x400;        // 02000

    public static LayerEntry File(string path, long size, int mode = RegularMode) => Entry(path, LayerEntryKind.File, size, mode);

    public static LayerEntry Dir(string path, int mode = DirectoryMode) => Entry(path, LayerEntryKind.Directory, 0, mode);

    public static LayerEntry Whiteout(string path) => Entry(path, LayerEntryKind.Whiteout, 0, 0);

    public static LayerEntry Opaque(string path) => Entry(path, LayerEntryKind.OpaqueDirectory, 0, 0);

    public static LayerEntry HardLink(string path, string target, int mode = RegularMode) => Entry(path, LayerEntryKind.Hardlink, 0, mode, target);

    public static LayerEntry Symlink(string path, string target) => Entry(path, LayerEntryKind.Symlink, 0, 0x1FF, target);

    public static LayerEntry Fifo(string path) => Entry(path, LayerEntryKind.Fifo, 0, RegularMode);

    /// <summary>Builds the index of the layers given bottom first, and checks what must hold for any index.</summary>
    public static FileIndex Index(params LayerEntry[][] layers)
    {
        var index = FileIndex.Build(layers);
        // Every shipped byte either reaches the final filesystem (once, however many links) or is reclaimable.
        Assert.Equal(index.Layers.Sum(l => l.Size), index.TotalSize + index.ReclaimableBytes);
        Assert.Equal(index.TotalSize, index.Find("/")!.Size);
        Assert.Equal(index.ReclaimableBytes, index.Layers.Sum(l => l.ReclaimableBytes));
        Assert.Equal(index.ReclaimableBytes, index.Layers.Sum(l => l.ObsoletedBytes));
        var files = index.EnumerateFiles().ToList();
        Assert.Equal(index.FileCount, files.Count(f => f.Kind != LayerEntryKind.Directory));
        Assert.Equal(index.DirectoryCount, files.Count(f => f.Kind == LayerEntryKind.Directory));
        Assert.Equal(files.Count, files.Select(f => f.Path).Distinct().Count());
        return index;
    }

    /// <summary>The merged filesystem as "path kind size" lines in path order, for compact assertions.</summary>
    public static string[] Tree(FileIndex index) =>
        index.EnumerateFiles().OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => $"{f.Path} {Short(f.Kind)} {f.Size}").ToArray();

    private static string Short(LayerEntryKind kind) => kind switch
    {
        LayerEntryKind.File => "f",
        LayerEntryKind.Directory => "d",
        LayerEntryKind.Hardlink => "h",
        LayerEntryKind.Symlink => "l",
        _ => kind.ToString(),
    };

    private static LayerEntry Entry(string path, LayerEntryKind kind, long size, int mode, string? link = null) =>
        new(path, kind, size, mode, 0, 0, link, DateTimeOffset.UnixEpoch);
}
