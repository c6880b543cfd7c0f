using System.Text.Json;
using Stagecraft.Images.Sources;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources.Registry;

/// <summary>The real test images, pulled from the local registry scripts/test.sh starts: the same image the Docker engine built.</summary>
public sealed class RegistryRealImageTests
{
    [Theory]
    [InlineData(RealImages.GccSingle)]
    [InlineData(RealImages.MultiStage)]
    public void A_real_image_from_the_local_registry_has_the_engines_config_digest_and_diff_ids(string name)
    {
        var real = RealImages.Require(name);
        var registry = RealImages.RequireRegistry();

        var image = ImageReader.Open("docker://" + real.RegistryName(registry));

        var (id, diffIds) = EngineFacts(real);
        Assert.Equal(id, image.ConfigDigest.ToString());
        Assert.Equal(diffIds, image.Layers.Select(layer => layer.DiffId.ToString()));
        Assert.All(image.Layers, layer => Assert.True(layer.CompressedSize > 0));
        Assert.Equal([real.RegistryName(registry)], image.Tags);
    }

    [Fact]
    public void A_real_image_asked_for_by_its_manifest_digest_is_the_same_image()
    {
        var real = RealImages.Require(RealImages.MultiStage);
        var registry = RealImages.RequireRegistry();
        var byTag = ImageReader.Open("docker://" + real.RegistryName(registry));

        var byDigest = ImageReader.Open($"docker://{registry}/stagecraft-test/{real.Name}@{byTag.ManifestDigest}");

        Assert.Equal(byTag.ManifestDigest, byDigest.ManifestDigest);
        Assert.Equal(EngineFacts(real).Id, byDigest.ConfigDigest.ToString());
    }

    [Fact]
    public void A_bare_name_on_the_local_registry_gives_the_same_image()
    {
        var real = RealImages.Require(RealImages.GccSingle);
        var registry = RealImages.RequireRegistry();

        var image = ImageReader.Open(real.RegistryName(registry));

        var (id, diffIds) = EngineFacts(real);
        Assert.Equal(id, image.ConfigDigest.ToString());
        Assert.Equal(diffIds, image.Layers.Select(layer => layer.DiffId.ToString()));
    }

    [Fact]
    public void A_tag_the_local_registry_does_not_have_is_one_line_naming_it()
    {
        var registry = RealImages.RequireRegistry();
        var reference = $"docker://{registry}/stagecraft-test/{RealImages.GccSingle}:no-such-tag";

        var error = Assert.Throws<Stagecraft.Images.Sources.Registry.RegistryException>(() => ImageReader.Open(reference));

        Assert.StartsWith($"{reference}: {registry} has no tag no-such-tag in stagecraft-test/{RealImages.GccSingle} (MANIFEST_UNKNOWN", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static (string Id, string[] DiffIds) EngineFacts(RealImage real)
    {
        using var inspect = JsonDocument.Parse(real.InspectJson);
        var engine = inspect.RootElement[0];
        return (engine.GetProperty("Id").GetString()!,
            engine.GetProperty("RootFS").GetProperty("Layers").EnumerateArray().Select(layer => layer.GetString()!).ToArray());
    }
}
