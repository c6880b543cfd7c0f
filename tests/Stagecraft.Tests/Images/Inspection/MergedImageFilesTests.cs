using Stagecraft.Images;
using Stagecraft.Images.Files;
using Stagecraft.Images.Inspection;

namespace Stagecraft.Tests.Images.Inspection;

/// <summary>The merged filesystem as the facts see it: whiteouts applied, each path's last entry, folders no layer named, kept bytes.</summary>
public sealed class MergedImageFilesTests
{
    private static LayerEntry File(string path, string? content = null) =>
        new(path, LayerEntryKind.File, content?.Length ?? 3, 0b110_100_100, 0, 0, null, DateTimeOffset.UnixEpoch,
            content is null ? null : System.Text.Encoding.UTF8.GetBytes(content));

    private static LayerEntry Whiteout(string path) => new(path, LayerEntryKind.Whiteout, 0, 0, 0, 0, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Entries_are_the_final_ones_and_implied_folders_are_plain_directories()
    {
        var index = FileIndex.Build([
            [File("/etc/os-release", "ID=old\n"), File("/tmp/x")],
            [File("/etc/os-release", "ID=new\n"), Whiteout("/tmp/x")],
        ]);
        var files = new MergedImageFiles(index);

        Assert.Equal(["/etc", "/etc/os-release", "/tmp"], files.Entries.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.True(files.TryGetEntry("/etc", out var folder));
        Assert.Equal(LayerEntryKind.Directory, folder.Kind);
        Assert.Equal(0b111_101_101, folder.Mode);
        Assert.False(files.TryGetEntry("/tmp/x", out _));
        Assert.True(files.TryReadContent("/etc/os-release", out var content));
        Assert.Equal("ID=new\n", System.Text.Encoding.UTF8.GetString(content.Span));
        Assert.False(files.TryReadContent("/etc", out _));
        Assert.Same(index.EntryAt("/etc/os-release"), files.Entries.Single(e => e.Path == "/etc/os-release"));
    }
}
