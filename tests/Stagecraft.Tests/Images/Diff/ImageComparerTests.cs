using System.Text.Json.Nodes;
using Stagecraft.Images.Diff;
using Stagecraft.Images.Inspection;
using Stagecraft.Tests.Images.Inspection;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Diff;

/// <summary>
/// Two crafted images on one shared base layer: the first has gcc, apt's lists and a small config; the second drops
/// them, upgrades libc6, grows the config, adds a program, and runs as a user on a port.
/// </summary>
public sealed class ImageComparerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static LayerTar Tar() => new(System.Formats.Tar.TarEntryFormat.Ustar);

    private static LayerTar Base() => Tar().Directory("etc").Directory("usr").Directory("usr/lib")
        .File("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
        .File("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:10001:10001::/home/app:/bin/sh\n")
        .File("usr/lib/libc.so.6", new byte[3_000]);

    private static string Status(params string[] packages) => string.Concat(packages.Select(p =>
    {
        var (name, version) = (p.Split(' ')[0], p.Split(' ')[1]);
        return $"Package: {name}\nStatus: install ok installed\nArchitecture: amd64\nVersion: {version}\nInstalled-Size: 10\n\n";
    }));

    internal static CraftedImage Before() => new CraftedImage()
        .Layer("/bin/sh -c #(nop) ADD file:base in /", Base())
        .Layer("/bin/sh -c apt-get install gcc-12", Tar().Directory("var").Directory("var/lib").Directory("var/lib/dpkg").Directory("var/lib/dpkg/info")
            .Directory("var/lib/apt").Directory("var/lib/apt/lists").Directory("usr/bin").Directory("app")
            .File("var/lib/dpkg/status", Status("gcc-12 12.2.0-14", "libc6 2.36-9"))
            .File("var/lib/dpkg/info/gcc-12.list", "/usr/bin/gcc-12\n")
            .File("usr/bin/gcc-12", new byte[4_000], (UnixFileMode)0b111_101_101)
            .Symlink("usr/bin/gcc", "gcc-12")
            .File("var/lib/apt/lists/main_Packages", new byte[8_000])
            .File("app/config", new byte[100]));

    internal static CraftedImage After()
    {
        var image = new CraftedImage()
            .Layer("/bin/sh -c #(nop) ADD file:base in /", Base())
            .Layer("/bin/sh -c #(nop) COPY dir:app in /app", Tar().Directory("var").Directory("var/lib").Directory("var/lib/dpkg").Directory("app")
                .File("var/lib/dpkg/status", Status("libc6 2.36-10"))
                .File("app/config", new byte[250])
                .File("app/main", new byte[1_000], (UnixFileMode)0b111_101_101));
        image.ContainerConfig["User"] = "app";
        image.ContainerConfig["ExposedPorts"] = new JsonObject { ["8080/tcp"] = new JsonObject() };
        return image;
    }

    private ImageDiff Compare(int top = ImageComparer.DefaultTop) =>
        ImageComparer.Compare(ImageInspector.Inspect(Before().Save(_temp.Folder("a"))), ImageInspector.Inspect(After().Save(_temp.Folder("b"))), top);

    [Fact]
    public void Sizes_and_layers_shared_by_digest()
    {
        var diff = Compare();

        // Neither image overwrites a file, so the file changes account for the whole size change.
        Assert.Equal(diff.TotalSize.Before - diff.RemovedFiles.Bytes + diff.AddedFiles.Bytes + diff.ChangedFiles.Bytes, diff.TotalSize.After);
        Assert.True(diff.TotalSize.Change < 0);
        var shared = Assert.Single(diff.SharedLayers);
        Assert.Equal((0, 0), (shared.IndexBefore, shared.IndexAfter));
        Assert.Single(diff.Layers, l => l.IndexAfter is null);
        Assert.Single(diff.Layers, l => l.IndexBefore is null);
        Assert.Equal(new SizeChange(2, 2), diff.LayerCount);
    }

    [Fact]
    public void Files_added_removed_and_changed_largest_first()
    {
        var diff = Compare();

        Assert.Equal(["/app/main"], diff.AddedFiles.Largest.Select(f => f.Path));
        Assert.Equal(1_000, diff.AddedFiles.Bytes);
        Assert.Equal(["/var/lib/apt/lists/main_Packages", "/usr/bin/gcc-12", "/var/lib/dpkg/info/gcc-12.list", "/usr/bin/gcc"], diff.RemovedFiles.Largest.Select(f => f.Path));
        Assert.Equal(8_000 + 4_000 + 16, diff.RemovedFiles.Bytes);
        Assert.Contains(diff.ChangedFiles.Largest, f => f == new FileDiff("/app/config", ChangeKind.Changed, 100, 250));
        Assert.DoesNotContain(diff.ChangedFiles.Largest, f => f.Path.StartsWith("/usr/lib", StringComparison.Ordinal));
    }

    [Fact]
    public void Lists_are_capped_and_the_count_covers_all()
    {
        var diff = Compare(top: 1);

        Assert.Single(diff.RemovedFiles.Largest);
        Assert.Equal(4, diff.RemovedFiles.Count);
    }

    [Fact]
    public void Packages_removed_and_upgraded()
    {
        var diff = Compare();

        Assert.Equal(
            [new PackageDiff("dpkg", "gcc-12", ChangeKind.Removed, "12.2.0-14", null, 10_240, null), new PackageDiff("dpkg", "libc6", ChangeKind.Changed, "2.36-9", "2.36-10", 10_240, 10_240)],
            diff.Packages.OrderBy(p => p.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Build_tools_and_caches_that_disappeared()
    {
        var diff = Compare();

        Assert.Contains(diff.Facts, f => f is { Category: "build-tool", Name: "gcc", Change: ChangeKind.Removed, Where: "/usr/bin/gcc" });
        Assert.Contains(diff.Facts, f => f is { Category: "cache", Name: "apt", Change: ChangeKind.Removed, Bytes: 8_000 });
        Assert.DoesNotContain(diff.Facts, f => f.Change == ChangeKind.Added);
    }

    [Fact]
    public void Config_changes_user_and_port()
    {
        var diff = Compare();

        Assert.Equal([new ConfigDiff("user", null, "app"), new ConfigDiff("exposed port 8080/tcp", null, "8080/tcp")], diff.Config);
    }

    [Fact]
    public void An_image_against_itself_has_no_change()
    {
        var reference = Before().Save(_temp.Folder("same"));
        var image = ImageInspector.Inspect(reference);

        var diff = ImageComparer.Compare(image, image);

        Assert.Equal(0, diff.TotalSize.Change);
        Assert.All(diff.Layers, l => Assert.True(l.Shared));
        Assert.Equal(0, diff.AddedFiles.Count + diff.RemovedFiles.Count + diff.ChangedFiles.Count);
        Assert.Empty(diff.Packages);
        Assert.Empty(diff.Facts);
        Assert.Empty(diff.Config);
    }
}
