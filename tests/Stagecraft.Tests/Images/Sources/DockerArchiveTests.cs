using System.Text;
using System.Text.Json.Nodes;
using Stagecraft.Images;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources;

/// <summary><c>docker save</c> archives crafted by the test: the legacy layout, Docker 25+'s, and archives of several images.</summary>
public sealed class DockerArchiveTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Save(ImageFiles files, string name = "image.tar") => files.SaveAsTar(Path.Combine(_temp.FullPath, name));

    private static byte[] Layer(string file, string content) => new LayerTar().File(file, content).Build();

    [Fact]
    public void A_docker_25_archive_is_read_through_manifest_json_and_its_OCI_manifest()
    {
        var base_ = Layer("etc/os-release", "ID=debian\n");
        var app = new LayerTar().Directory("app").File("app/main", "binary").Build();
        var builder = new DockerArchiveBuilder().Docker25("app:1.0", "linux/amd64", base_, app);
        var archive = Save(builder);
        var manifestDigest = (string)JsonNode.Parse(builder.Files["index.json"])!["manifests"]![0]!["digest"]!;

        var image = ImageReader.Open("docker-archive:" + archive);

        Assert.Equal(manifestDigest, image.ManifestDigest!.ToString());
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", image.ManifestMediaType);
        Assert.Equal(["app:1.0"], image.Tags);
        Assert.All(image.Layers, l => Assert.Equal("application/vnd.oci.image.layer.v1.tar", l.MediaType));
        Assert.Equal([LayerTar.Sha256(base_), LayerTar.Sha256(app)], image.Layers.Select(l => l.Digest.ToString()));
        Assert.Equal(["/app", "/app/main"], image.Layers[1].Entries.Select(e => e.Path));
        Assert.Empty(image.Notes);
    }

    [Fact]
    public void A_legacy_archive_has_no_manifest_digest_and_its_config_is_checked_against_its_name()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/arm64", Layer("a", "1"), Layer("b", "2"));
        var image = ImageReader.Open("docker-archive:" + Save(builder));

        Assert.Null(image.ManifestDigest);
        Assert.Equal(2, image.Layers.Count);
        Assert.Equal("platform linux/arm64, the only one in the image" + (ImagePlatform.Host.Architecture == "arm64" ? "" : $" (this machine is {ImagePlatform.Host})"), image.PlatformNote);

        var configName = builder.Files.Keys.Single(k => k.EndsWith(".json", StringComparison.Ordinal) && k != "manifest.json");
        builder.Files[configName] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(builder.Files[configName]).Replace("arm64", "amd64"));
        var tampered = Save(builder, "tampered.tar");
        var error = Assert.Throws<DigestMismatchException>(() => ImageReader.Open("docker-archive:" + tampered));
        Assert.StartsWith($"{tampered}: {configName}: has digest sha256:", error.Message);
        Assert.EndsWith($"but sha256:{configName[..^5]} was expected", error.Message);
    }

    [Fact]
    public void An_archive_of_several_images_needs_one_named()
    {
        var builder = new DockerArchiveBuilder()
            .Legacy(["web:1"], "linux/amd64", Layer("web", "1"))
            .Legacy(["worker:1", "worker:latest"], "linux/amd64", Layer("worker", "1"));
        var archive = Save(builder);

        var error = Assert.Throws<ImageSelectionException>(() => ImageReader.Open("docker-archive:" + archive));
        Assert.Equal($"{archive}: manifest.json: holds 2 images (tags: web:1, worker:1, worker:latest); name one as docker-archive:{archive}:NAME:TAG or :@N", error.Message);

        Assert.Equal("/worker", ImageReader.Open($"docker-archive:{archive}:worker").Layers[0].Entries[0].Path);
        Assert.Equal("/worker", ImageReader.Open($"docker-archive:{archive}:docker.io/library/worker:1").Layers[0].Entries[0].Path);
        Assert.Equal("/web", ImageReader.Open($"docker-archive:{archive}:@0").Layers[0].Entries[0].Path);

        var missing = Assert.Throws<ImageSelectionException>(() => ImageReader.Open($"docker-archive:{archive}:db:1"));
        Assert.Equal($"{archive}: manifest.json: has no image named docker.io/library/db:1 (tags: web:1, worker:1, worker:latest)", missing.Message);
        Assert.Throws<ImageSelectionException>(() => ImageReader.Open($"docker-archive:{archive}:@2"));
    }

    [Fact]
    public void Several_images_of_different_platforms_pick_by_platform()
    {
        var builder = new DockerArchiveBuilder()
            .Legacy(["app:amd64"], "linux/amd64", Layer("arch", "amd64"))
            .Legacy(["app:s390x"], "linux/s390x", Layer("arch", "s390x"));

        var image = ImageReader.Open("docker-archive:" + Save(builder), new ImageReadOptions { Platform = ImagePlatform.Parse("linux/s390x") });

        Assert.Equal(["app:s390x"], image.Tags);
    }

    [Fact]
    public void A_layer_saved_twice_may_be_a_symlink_to_the_first_copy()
    {
        var layer = Layer("same", "bytes");
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", layer, layer);
        var manifest = (JsonArray)JsonNode.Parse(builder.Files["manifest.json"])!;
        var first = (string)manifest[0]!["Layers"]![0]!;
        var second = (string)manifest[0]!["Layers"]![1]!;
        builder.Files.Remove(second);
        var archive = Path.Combine(_temp.FullPath, "linked.tar");
        using (var file = File.Create(archive))
        using (var writer = new System.Formats.Tar.TarWriter(file))
        {
            foreach (var (name, bytes) in builder.Files)
                writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
            writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.SymbolicLink, second) { LinkName = "../" + first });
        }

        var image = ImageReader.Open("docker-archive:" + archive);

        Assert.Equal(image.Layers[0].Digest, image.Layers[1].Digest);
    }

    [Fact]
    public void An_archive_without_manifest_json_but_with_an_index_is_read_as_an_OCI_layout()
    {
        var builder = new OciLayoutBuilder();
        var archive = builder.Layout((builder.Image("linux/amd64", Layer("a", "1")), "v1")).SaveAsTar(Path.Combine(_temp.FullPath, "oci.tar"));

        var image = ImageReader.Open("docker-archive:" + archive);

        Assert.Contains("the archive has no manifest.json; read it as an OCI layout", image.Notes);
        Assert.Equal(["v1"], image.Tags);
    }

    [Fact]
    public void A_layer_count_that_differs_from_the_configʼs_diff_ids_is_refused()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", Layer("a", "1"), Layer("b", "2"));
        var manifest = (JsonArray)JsonNode.Parse(builder.Files["manifest.json"])!;
        ((JsonArray)manifest[0]!["Layers"]!).RemoveAt(1);
        builder.Files["manifest.json"] = ImageFiles.Json(manifest);
        var archive = Save(builder);

        var error = Assert.Throws<ImageFormatException>(() => ImageReader.Open("docker-archive:" + archive));
        Assert.Equal($"{archive}: manifest.json: lists 1 layers but the image's config has 2 diff ids", error.Message);
    }
}
