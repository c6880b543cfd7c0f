using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Images.Sources.Registry;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources.Registry;

/// <summary>A bare name (<c>registry.test/team/app:1</c>) is the local Docker engine's image when it has one, else the registry's.</summary>
public sealed class BareNameFallbackTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeRegistry _registry = new();
    private readonly byte[] _registryLayer = new LayerTar().File("from-registry", "r").Build();

    public BareNameFallbackTests()
    {
        var files = new OciLayoutBuilder();
        _registry.Push("team/app", "1", files, files.Image("linux/amd64", _registryLayer));
    }

    public void Dispose()
    {
        _temp.Dispose();
        _registry.Dispose();
    }

    /// <summary>A stand-in for the engine: an image it "has", read from an OCI layout on disk.</summary>
    private ResolvedImage EngineImage()
    {
        var files = new OciLayoutBuilder();
        var manifest = files.Image("linux/amd64", new LayerTar().File("from-engine", "e").Build());
        var folder = files.Layout(manifest).SaveTo(_temp.Folder("engine"));
        return new OciLayoutReader(ImageStore.Open(folder, directoryExpected: true), []).Resolve(null, null, "");
    }

    private OpenedImage Open(string name, DaemonLookup daemon) =>
        ImageReader.Open(ImageReference.Parse(name), null, _registry.Environment(_temp.FullPath) with { Daemon = daemon });

    [Fact]
    public void The_engines_image_wins_and_the_registry_is_not_asked()
    {
        DockerImageName? asked = null;

        var image = Open("registry.test/team/app:1", (reference, options) =>
        {
            asked = reference.Name;
            return DaemonAnswer.Found(() => ImageReader.Read(reference, EngineImage(), options, []));
        });

        Assert.Equal(DockerImageName.Parse("registry.test/team/app:1"), asked);
        Assert.Equal("/from-engine", Assert.Single(image.Layers[0].Entries).Path);
        Assert.Empty(_registry.Requests);
    }

    [Fact]
    public void When_the_engine_lacks_the_image_the_registry_gives_it_with_a_note()
    {
        var image = Open("registry.test/team/app:1", (_, _) => DaemonAnswer.Missing("no engine answers at /var/run/docker.sock"));

        Assert.Equal("/from-registry", Assert.Single(image.Layers[0].Entries).Path);
        Assert.Contains("not taken from the local Docker engine (no engine answers at /var/run/docker.sock); read from the registry registry.test", image.Notes);
    }

    [Fact]
    public void When_neither_has_the_image_the_error_names_both()
    {
        var error = Assert.Throws<RegistryException>(() =>
            Open("registry.test/team/app:9", (_, _) => DaemonAnswer.Missing("the engine has no image registry.test/team/app:9")));

        Assert.Equal("registry.test/team/app:9: registry.test has no tag 9 in team/app (MANIFEST_UNKNOWN: manifest unknown); "
            + "nor could the local Docker engine give it (the engine has no image registry.test/team/app:9)", error.Message);
    }

    [Fact]
    public void Without_an_engine_source_a_bare_name_goes_to_the_registry()
    {
        var image = ImageReader.Open(ImageReference.Parse("registry.test/team/app:1"), null, _registry.Environment(_temp.FullPath));

        Assert.Equal("/from-registry", Assert.Single(image.Layers[0].Entries).Path);
        Assert.DoesNotContain(image.Notes, note => note.Contains("Docker engine", StringComparison.Ordinal));
    }

    [Fact]
    public void An_engine_that_has_the_image_but_cannot_give_it_stops_the_read()
    {
        var error = Assert.Throws<ImageFormatException>(() =>
            Open("registry.test/team/app:1", (_, _) => throw new ImageFormatException("docker-daemon:registry.test/team/app:1", "the export is not a tar archive")));

        Assert.Equal("docker-daemon:registry.test/team/app:1: the export is not a tar archive", error.Message);
        Assert.Empty(_registry.Requests);
    }
}
