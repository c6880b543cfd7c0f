using Stagecraft.Images;
using Stagecraft.Images.Facts;

namespace Stagecraft.Tests.Images.Facts;

public class OsReleaseTests
{
    private const string Bookworm = """
        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
        NAME="Debian GNU/Linux"
        VERSION_ID="12"
        VERSION="12 (bookworm)"
        VERSION_CODENAME=bookworm
        ID=debian
        HOME_URL="https://www.debian.org/"
        """;

    private static ImageFacts Collect(InMemoryImageFiles files, ImageConfig? config = null) => ImageFacts.Collect(files, config ?? new ImageConfig());

    private static InMemoryImageFiles Debian(bool manuals) =>
        (manuals ? new InMemoryImageFiles().Sized("/usr/share/man/man1/ls.1.gz", 100) : new InMemoryImageFiles().Directory("/usr/share/man"))
            .File("/usr/lib/os-release", Bookworm).Symlink("/etc/os-release", "../usr/lib/os-release")
            .File("/var/lib/dpkg/status", "Package: base-files\nStatus: install ok installed\nVersion: 12.4\n");

    [Fact]
    public void Reads_os_release_through_its_link_with_quotes_removed()
    {
        var os = Collect(Debian(manuals: true)).OsRelease;

        Assert.NotNull(os);
        Assert.Equal(("/etc/os-release", "debian", "12", "Debian GNU/Linux 12 (bookworm)", "bookworm"), (os.Path, os.Id, os.VersionId, os.PrettyName, os.VersionCodename));
        Assert.Equal("https://www.debian.org/", os.Fields["HOME_URL"]);
    }

    [Fact]
    public void Debian_without_manual_pages_is_guessed_as_slim()
    {
        Assert.Equal("debian:12", Collect(Debian(manuals: true)).BaseImage?.Image);
        var slim = Collect(Debian(manuals: false)).BaseImage;
        Assert.Equal("debian:12-slim", slim?.Image);
        Assert.Equal("/etc/os-release says ID=debian VERSION_ID=12; /usr/share/man holds no manual pages, as in the -slim variants", slim?.Reason);
    }

    [Fact]
    public void An_official_language_image_is_recognised_by_the_version_variable_it_sets()
    {
        var guess = Collect(Debian(manuals: false), new ImageConfig { Env = ["PATH=/usr/local/bin:/usr/bin", "PYTHON_VERSION=3.12.4"] }).BaseImage;

        Assert.Equal("python:3.12.4-slim-bookworm", guess?.Image);
        Assert.StartsWith("ENV PYTHON_VERSION=3.12.4, which the official python images set; ", guess?.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME=\"Alpine Linux v3.19\"\n", "alpine:3.19")]
    [InlineData("NAME=\"Ubuntu\"\nID=ubuntu\nVERSION_ID=\"22.04\"\n", "ubuntu:22.04")]
    [InlineData("ID=fedora\nVERSION_ID=40\n", "fedora:40")]
    [InlineData("ID=\"rhel\"\nVERSION_ID=\"9.4\"\n", "registry.access.redhat.com/ubi9-micro")]
    [InlineData("ID=\"amzn\"\nVERSION_ID=\"2023\"\n", "amazonlinux:2023")]
    [InlineData("ID=wolfi\n", "cgr.dev/chainguard/wolfi-base")]
    [InlineData("ID='void'\nVERSION_ID=2024\n", "void:2024")]
    public void Distributions_map_to_their_usual_image_names(string osRelease, string expected)
    {
        Assert.Equal(expected, Collect(new InMemoryImageFiles().File("/etc/os-release", osRelease)).BaseImage?.Image);
    }

    [Fact]
    public void Ubi_minimal_is_told_apart_by_microdnf()
    {
        var files = new InMemoryImageFiles().File("/etc/os-release", "ID=\"rhel\"\nVERSION_ID=\"8.10\"\n").Sized("/usr/bin/microdnf", 100, InMemoryImageFiles.ExecutableMode);

        Assert.Equal("registry.access.redhat.com/ubi8-minimal", Collect(files).BaseImage?.Image);
    }

    [Theory]
    [InlineData(new string[0], "gcr.io/distroless/static-debian12")]
    [InlineData(new[] { "libc6" }, "gcr.io/distroless/base-debian12")]
    [InlineData(new[] { "libc6", "libgcc-s1" }, "gcr.io/distroless/cc-debian12")]
    [InlineData(new[] { "libc6", "libgcc-s1", "python3.11-minimal" }, "gcr.io/distroless/python3-debian12")]
    public void Distroless_flavours_are_told_apart_by_their_packages(string[] packages, string expected)
    {
        var files = new InMemoryImageFiles().File("/etc/os-release", "PRETTY_NAME=\"Distroless\"\nNAME=\"Debian GNU/Linux\"\nID=\"debian\"\nVERSION_ID=\"12\"\nHOME_URL=\"https://github.com/GoogleContainerTools/distroless\"\n")
            .File("/var/lib/dpkg/status.d/base-files", "Package: base-files\nVersion: 12.4\n");
        foreach (var package in packages)
            files.File($"/var/lib/dpkg/status.d/{package}", $"Package: {package}\nVersion: 1\n");

        Assert.Equal(expected, Collect(files).BaseImage?.Image);
    }

    [Fact]
    public void Busybox_and_scratch_images_have_no_os_release()
    {
        Assert.Equal("busybox", Collect(new InMemoryImageFiles().Sized("/bin/busybox", 1_000_000, InMemoryImageFiles.ExecutableMode).Hardlink("/bin/sh", "bin/busybox")).BaseImage?.Image);
        Assert.Equal("scratch", Collect(new InMemoryImageFiles().Sized("/app", 5_000_000, InMemoryImageFiles.ExecutableMode)).BaseImage?.Image);
        Assert.Null(Collect(new InMemoryImageFiles().Sized("/bin/sh", 100)).BaseImage);
    }

    [Fact]
    public void A_line_that_is_not_key_value_is_noted()
    {
        var facts = Collect(new InMemoryImageFiles().File("/etc/os-release", "# comment\nID=alpine\nnonsense\n"));

        Assert.Equal("alpine", facts.OsRelease?.Id);
        Assert.Equal(["/etc/os-release:3: a line that is not KEY=value; skipped"], facts.Notes);
    }
}
