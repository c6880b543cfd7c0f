using Stagecraft.Images.Sources;
using Stagecraft.Images.Sources.Registry;
using Stagecraft.Semantics;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Images.Sources.Registry;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources;

/// <summary>The base-image lookup behind <c>lint --base-images</c>: what a pull for the stage's platform would get.</summary>
public sealed class BaseImagePlatformsTests : IDisposable
{
    private static readonly Platform Amd64 = new("linux", "amd64");
    private readonly TempDirectory _temp = new();
    private readonly FakeRegistry _registry = new();

    public BaseImagePlatformsTests()
    {
        var files = new OciLayoutBuilder();
        var layer = new LayerTar().File("f", "x").Build();
        _registry.Push("team/arm-only", "1", files, files.Image("linux/arm64", layer));
        _registry.Push("team/multi", "1", files, files.Index(files.Image("linux/amd64", layer), files.Image("linux/arm64", layer)));
        _registry.Push("team/s390x-list", "1", files, files.Index(files.Image("linux/s390x", layer)));
    }

    public void Dispose()
    {
        _temp.Dispose();
        _registry.Dispose();
    }

    private BaseImagePlatforms Lookup(BaseImageSources sources, Func<DockerImageName, ImagePlatform?>? engine = null) =>
        new(sources, _registry.Environment(_temp.FullPath), engine ?? (_ => null), ImageReadOptions.Default);

    [Fact]
    public void A_single_platform_image_is_served_whatever_platform_is_asked()
    {
        var found = Lookup(BaseImageSources.Registry).Find("registry.test/team/arm-only:1", Amd64);

        Assert.Equal(new BaseImageMetadata("registry.test/team/arm-only:1", new Platform("linux", "arm64"), "registry registry.test"), found);
    }

    [Fact]
    public void A_manifest_list_gives_the_entry_for_the_asked_platform()
    {
        Assert.Equal(Amd64, Lookup(BaseImageSources.Registry).Find("registry.test/team/multi:1", Amd64)?.Platform);
        Assert.Equal(new Platform("linux", "arm64"), Lookup(BaseImageSources.Registry).Find("registry.test/team/multi:1", new Platform("linux", "arm64"))?.Platform);
    }

    [Fact]
    public void A_list_without_the_platform_is_unknown_not_a_mismatch()
    {
        Assert.Null(Lookup(BaseImageSources.Registry).Find("registry.test/team/s390x-list:1", Amd64));
    }

    [Fact]
    public void The_engine_is_asked_first_and_each_image_once()
    {
        var asked = 0;
        var lookup = Lookup(BaseImageSources.Auto, _ =>
        {
            asked++;
            return new ImagePlatform("linux", "ppc64le");
        });

        Assert.Equal(new Platform("linux", "ppc64le"), lookup.Find("registry.test/team/multi:1", Amd64)?.Platform);
        Assert.Equal("the local Docker engine's image", lookup.Find("registry.test/team/multi:1", Amd64)?.Source);
        Assert.Equal(1, asked);
        Assert.Empty(_registry.Requests);
    }

    [Fact]
    public void What_cannot_be_looked_up_is_unknown_with_a_note_and_never_an_error()
    {
        var lookup = Lookup(BaseImageSources.Auto);

        Assert.Null(lookup.Find("registry.test/team/missing:1", Amd64));
        Assert.Null(lookup.Find("not a name!", Amd64));
        var note = Assert.Single(lookup.Notes);
        Assert.StartsWith("base image registry.test/team/missing:1 not looked up: the local Docker engine has no such image; registry.test/team/missing:1: ", note);
    }
}
