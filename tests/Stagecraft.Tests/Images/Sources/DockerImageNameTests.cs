using Stagecraft.Images.Sources;

namespace Stagecraft.Tests.Images.Sources;

/// <summary>Image names get Docker's defaults: docker.io, library/, latest.</summary>
public sealed class DockerImageNameTests
{
    [Theory]
    [InlineData("busybox", "docker.io", "library/busybox", "latest")]
    [InlineData("busybox:1.36", "docker.io", "library/busybox", "1.36")]
    [InlineData("team/app", "docker.io", "team/app", "latest")]
    [InlineData("index.docker.io/team/app:2", "docker.io", "team/app", "2")]
    [InlineData("ghcr.io/owner/app:v1.0", "ghcr.io", "owner/app", "v1.0")]
    [InlineData("localhost/app", "localhost", "app", "latest")]
    [InlineData("localhost:5000/a/b/c:x", "localhost:5000", "a/b/c", "x")]
    [InlineData("my-registry.local:8443/app__x.y-z", "my-registry.local:8443", "app__x.y-z", "latest")]
    public void Names_get_dockerʼs_defaults(string text, string registry, string repository, string tag)
    {
        Assert.Equal(new DockerImageName(registry, repository, tag, null), DockerImageName.Parse(text));
    }

    [Fact]
    public void A_digest_pins_the_image_and_needs_no_tag()
    {
        var digest = "sha256:" + new string('0', 64);
        var name = DockerImageName.Parse("app@" + digest);
        Assert.Null(name.Tag);
        Assert.Equal(digest, name.Digest!.ToString());
        Assert.Equal("docker.io/library/app@" + digest, name.ToString());
        Assert.Equal("1", DockerImageName.Parse("app:1@" + digest).Tag);
    }

    [Theory]
    [InlineData("app/")]
    [InlineData("-app")]
    [InlineData("app:")]
    [InlineData("bad_host.example.com:port/app")]
    public void Malformed_names_are_refused(string text) =>
        Assert.Throws<ImageReferenceException>(() => DockerImageName.Parse(text));
}
