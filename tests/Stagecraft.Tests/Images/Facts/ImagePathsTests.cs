using Stagecraft.Images.Facts;

namespace Stagecraft.Tests.Images.Facts;

public class ImagePathsTests
{
    [Fact]
    public void Follows_alternatives_links_to_the_real_compiler_and_lists_each_link()
    {
        var files = new InMemoryImageFiles().MergedUsr()
            .Symlink("/usr/bin/cc", "/etc/alternatives/cc")
            .Symlink("/etc/alternatives/cc", "/usr/bin/gcc")
            .Symlink("/usr/bin/gcc", "gcc-12")
            .Symlink("/usr/bin/gcc-12", "x86_64-linux-gnu-gcc-12")
            .Sized("/usr/bin/x86_64-linux-gnu-gcc-12", 1000, InMemoryImageFiles.ExecutableMode);

        var resolved = new ImagePaths(files).Resolve("/bin/cc");

        Assert.NotNull(resolved);
        Assert.Equal("/usr/bin/x86_64-linux-gnu-gcc-12", resolved.RealPath);
        Assert.Equal(["/usr/bin/cc", "/etc/alternatives/cc", "/usr/bin/gcc", "/usr/bin/gcc-12"], resolved.Links);
    }

    [Fact]
    public void Dot_dot_in_a_target_never_climbs_above_the_root()
    {
        var files = new InMemoryImageFiles().Sized("/etc/passwd", 10).Symlink("/usr/lib/escape", "../../../../../etc/passwd");

        Assert.Equal("/etc/passwd", new ImagePaths(files).Resolve("/usr/lib/escape")?.RealPath);
    }

    [Fact]
    public void A_link_loop_or_a_missing_component_resolves_to_nothing()
    {
        var files = new InMemoryImageFiles().Symlink("/a", "/b").Symlink("/b", "a").Symlink("/dangling", "/nowhere/x");
        var paths = new ImagePaths(files);

        Assert.Null(paths.Resolve("/a"));
        Assert.Null(paths.Resolve("/dangling"));
        Assert.Null(paths.Resolve("/missing"));
    }

    [Fact]
    public void Canonical_follows_folder_links_only()
    {
        var files = new InMemoryImageFiles().MergedUsr().Symlink("/usr/bin/sh", "dash").Sized("/usr/bin/dash", 100);
        var paths = new ImagePaths(files);

        Assert.Equal("/usr/bin/sh", paths.Canonical("/bin/sh"));
        Assert.Equal("/usr/bin/dash", paths.Resolve("/bin/sh")?.RealPath);
    }

    [Fact]
    public void Content_is_read_through_links_and_hard_links()
    {
        var files = new InMemoryImageFiles()
            .File("/usr/lib/os-release", "ID=debian\n")
            .Symlink("/etc/os-release", "../usr/lib/os-release")
            .Hardlink("/etc/passwd-copy", "etc/passwd")
            .File("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
        var paths = new ImagePaths(files);

        Assert.True(paths.TryReadContent("/etc/os-release", out var release));
        Assert.Equal("ID=debian\n", System.Text.Encoding.UTF8.GetString(release.Span));
        Assert.True(paths.TryReadContent("/etc/passwd-copy", out var passwd));
        Assert.StartsWith("root:", System.Text.Encoding.UTF8.GetString(passwd.Span), StringComparison.Ordinal);
    }
}
