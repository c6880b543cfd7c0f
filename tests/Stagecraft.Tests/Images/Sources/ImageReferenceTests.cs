using Stagecraft.Images.Sources;

namespace Stagecraft.Tests.Images.Sources;

/// <summary>References in skopeo's transport syntax parse into typed references, and only the file-based ones open for now.</summary>
public sealed class ImageReferenceTests
{
    [Fact]
    public void A_docker_archive_names_a_file_and_optionally_an_image_in_it()
    {
        Assert.Equal(new DockerArchiveReference("out/app.tar", null, null), ImageReference.Parse("docker-archive:out/app.tar"));
        Assert.Equal(new DockerArchiveReference("app.tar", DockerImageName.Parse("busybox:1.36"), null), ImageReference.Parse("docker-archive:app.tar:busybox:1.36"));
        Assert.Equal(new DockerArchiveReference("app.tar", null, 1), ImageReference.Parse("docker-archive:app.tar:@1"));
    }

    [Fact]
    public void OCI_layouts_take_an_optional_tag_after_the_first_colon()
    {
        Assert.Equal(new OciLayoutReference("/tmp/layout", null), ImageReference.Parse("oci:/tmp/layout"));
        Assert.Equal(new OciLayoutReference("layout", "v1"), ImageReference.Parse("oci:layout:v1"));
        Assert.Equal(new OciLayoutReference("layout", "example.com/app:1"), ImageReference.Parse("oci:layout:example.com/app:1"));
        Assert.Equal(new OciArchiveReference("image.tar", "latest"), ImageReference.Parse("oci-archive:image.tar:latest"));
        Assert.Equal(new OciArchiveReference("image.tar", null), ImageReference.Parse("oci-archive:image.tar"));
    }

    [Fact]
    public void Daemon_registry_and_bare_references_carry_full_image_names()
    {
        var daemon = Assert.IsType<DockerDaemonReference>(ImageReference.Parse("docker-daemon:busybox"));
        Assert.Equal("docker.io/library/busybox:latest", daemon.Name!.ToString());

        var id = Assert.IsType<DockerDaemonReference>(ImageReference.Parse("docker-daemon:sha256:" + new string('a', 64)));
        Assert.Null(id.Name);
        Assert.Equal("sha256:" + new string('a', 64), id.ImageId!.ToString());

        var registry = Assert.IsType<RegistryReference>(ImageReference.Parse("docker://localhost:5000/team/app:1.2"));
        Assert.Equal(new DockerImageName("localhost:5000", "team/app", "1.2", null), registry.Name);

        var bare = Assert.IsType<ImageNameReference>(ImageReference.Parse("myapp:1.2"));
        Assert.Equal("docker.io/library/myapp:1.2", bare.ToString());
    }

    [Theory]
    [InlineData("docker-archive:app.tar:busybox:1.36")]
    [InlineData("docker-archive:app.tar:@2")]
    [InlineData("oci:layout:v1")]
    [InlineData("oci-archive:image.tar")]
    [InlineData("docker://ghcr.io/owner/app:1")]
    public void A_reference_prints_back_as_it_parses(string text)
    {
        var reference = ImageReference.Parse(text);
        Assert.Equal(reference, ImageReference.Parse(reference.ToString()));
    }

    [Theory]
    [InlineData("", ": an image reference cannot be empty")]
    [InlineData("oci:", "oci:: names no file or folder after the transport")]
    [InlineData("oci:layout:", "oci:layout:: has an empty tag after the path")]
    [InlineData("docker:busybox", "docker:busybox: registry references are written docker://HOST/REPO[:TAG]")]
    [InlineData("dir:/tmp/x", "dir:/tmp/x: the dir: transport is not supported (use docker-archive:, oci:, oci-archive:, docker-daemon: or docker://)")]
    [InlineData("Busybox", "Busybox: repository names must be lowercase")]
    [InlineData("busybox:bad!tag", "busybox:bad!tag: \"bad!tag\" is not a valid tag (letters, digits, '_', '.', '-'; at most 128)")]
    [InlineData("docker-archive:x.tar:@first", "docker-archive:x.tar:@first: \"@first\" is not an image number (@0, @1, …)")]
    [InlineData("busybox@sha256:abc", "busybox@sha256:abc: \"sha256:abc\" is not a digest (expected sha256: and 64 hex digits)")]
    public void Malformed_references_are_refused_with_one_line_naming_them(string text, string message)
    {
        var error = Assert.Throws<ImageReferenceException>(() => ImageReference.Parse(text));
        Assert.Equal(message, error.Message);
    }
}
