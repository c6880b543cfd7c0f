using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources;

/// <summary>Hostile or broken archives and layouts are refused with one line naming the file and the member at fault.</summary>
public sealed class HostileArchiveTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] Layer() => new LayerTar().File("a", "1").Build();

    private string Tar(ImageFiles files, string name = "image.tar") => files.SaveAsTar(Path.Combine(_temp.FullPath, name));

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("blobs/../../secret")]
    public void A_manifest_path_pointing_outside_the_archive_is_refused(string path)
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", Layer());
        var manifest = (JsonArray)JsonNode.Parse(builder.Files["manifest.json"])!;
        manifest[0]!["Layers"]![0] = path;
        builder.Files["manifest.json"] = ImageFiles.Json(manifest);
        var archive = Tar(builder);

        var error = Assert.Throws<ImageFormatException>(() => ImageReader.Open("docker-archive:" + archive));

        Assert.Equal($"{archive}: manifest.json: names \"{path}\", which points outside the archive", error.Message);
    }

    [Fact]
    public void A_config_path_pointing_outside_the_archive_is_refused()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", Layer());
        var manifest = (JsonArray)JsonNode.Parse(builder.Files["manifest.json"])!;
        manifest[0]!["Config"] = "../config.json";
        builder.Files["manifest.json"] = ImageFiles.Json(manifest);
        var archive = Tar(builder);

        Assert.Equal($"{archive}: manifest.json: names \"../config.json\", which points outside the archive",
            Assert.Throws<ImageFormatException>(() => ImageReader.Open("docker-archive:" + archive)).Message);
    }

    [Fact]
    public void A_member_linking_outside_the_archive_is_refused()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", Layer());
        var layerPath = builder.Files.Keys.Single(k => k.EndsWith("/layer.tar", StringComparison.Ordinal));
        builder.Files.Remove(layerPath);
        var archive = Path.Combine(_temp.FullPath, "link.tar");
        using (var file = File.Create(archive))
        using (var writer = new TarWriter(file))
        {
            foreach (var (name, bytes) in builder.Files)
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, layerPath) { LinkName = "../../../etc/passwd" });
        }

        var error = Assert.Throws<ImageFormatException>(() => ImageReader.Open("docker-archive:" + archive));

        Assert.Equal($"{archive}: {layerPath}: is a link to \"../../../etc/passwd\", outside the archive", error.Message);
    }

    [Fact]
    public void An_archive_member_named_outside_the_archive_is_refused()
    {
        var archive = Path.Combine(_temp.FullPath, "escape.tar");
        using (var file = File.Create(archive))
        using (var writer = new TarWriter(file))
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "../index.json") { DataStream = new MemoryStream("{}"u8.ToArray()) });

        Assert.Equal($"{archive}: member \"../index.json\" at offset 1024 points outside the archive",
            Assert.Throws<ImageFormatException>(() => ImageReader.Open("oci-archive:" + archive)).Message);
    }

    [Theory]
    [InlineData("index.json", "{\"schemaVersion\": 2, \"manifests\": [", "index.json: is not a valid image index: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. (line 1, byte 36)")]
    [InlineData("index.json", "[1, 2]", "index.json: is not a valid image index: The JSON value could not be converted to Stagecraft.Images.Sources.OciManifestJson. (line 1, byte 2)")]
    [InlineData("oci-layout", "{\"imageLayoutVersion\": \"2.0.0\"}", "oci-layout: declares layout version \"2.0.0\"; this reader knows version 1")]
    [InlineData("index.json", "{\"manifests\": [{\"digest\": \"sha256:../../../../etc/passwd\"}]}", "index.json: names a manifest by \"sha256:../../../../etc/passwd\", which is not a valid digest")]
    [InlineData("index.json", "{\"manifests\": [{\"digest\": \"md5:d41d8cd98f00b204e9800998ecf8427e\"}]}", "index.json: names a manifest by a md5 digest, which this reader cannot check")]
    [InlineData("index.json", "{\"manifests\": null}", "index.json: lists no image manifest")]
    public void Invalid_layout_JSON_is_refused(string file, string json, string message)
    {
        var builder = new OciLayoutBuilder();
        builder.Layout(builder.Image("linux/amd64", Layer()));
        builder.Files[file] = Encoding.UTF8.GetBytes(json);
        var folder = builder.SaveTo(_temp.Folder("layout"));

        var error = Assert.ThrowsAny<ImageReadException>(() => ImageReader.Open("oci:" + folder));

        Assert.Equal($"{folder}: {message}", error.Message);
    }

    [Fact]
    public void A_config_that_is_not_valid_JSON_is_refused_even_with_the_right_digest()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", Layer());
        var configName = builder.Files.Keys.Single(k => k.EndsWith(".json", StringComparison.Ordinal) && k != "manifest.json");
        var broken = Encoding.UTF8.GetBytes("{\"os\": \"linux\", \"rootfs\": ");
        var brokenName = LayerTar.Sha256(broken)[7..] + ".json";
        builder.Files.Remove(configName);
        builder.Files[brokenName] = broken;
        builder.Files["manifest.json"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(builder.Files["manifest.json"]).Replace(configName, brokenName));
        var archive = Tar(builder);

        var error = Assert.Throws<ImageFormatException>(() => ImageReader.Open("docker-archive:" + archive));

        Assert.StartsWith($"{archive}: {brokenName}: is not a valid image config: ", error.Message);
    }

    [Fact]
    public void A_manifest_that_differs_from_its_digest_is_refused()
    {
        var builder = new OciLayoutBuilder();
        var manifest = builder.Image("linux/amd64", Layer());
        builder.Layout(manifest);
        var path = "blobs/sha256/" + ((string)manifest["digest"]!)[7..];
        builder.Files[path] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(builder.Files[path]).Replace("\"schemaVersion\":2", "\"schemaVersion\":3"));
        var folder = builder.SaveTo(_temp.Folder("tampered"));

        var error = Assert.Throws<DigestMismatchException>(() => ImageReader.Open("oci:" + folder));

        Assert.StartsWith($"{folder}: {path}: has digest sha256:", error.Message);
        Assert.EndsWith($" but {manifest["digest"]} was expected", error.Message);
    }

    [Fact]
    public void A_missing_or_foreign_layer_blob_is_named()
    {
        var builder = new OciLayoutBuilder();
        var manifest = builder.Image("linux/amd64", Layer());
        builder.Layout(manifest);
        var layerPath = builder.Files.Keys.Single(k => k.StartsWith("blobs/", StringComparison.Ordinal) && builder.Files[k][0] == 0x1f);
        builder.Files.Remove(layerPath);
        var folder = builder.SaveTo(_temp.Folder("missing"));

        var error = Assert.Throws<ImageFormatException>(() => ImageReader.Open("oci:" + folder));

        Assert.Equal($"{folder}: blobs/sha256/{((string)manifest["digest"]!)[7..]}: layer 0 ({layerPath}) is missing from the layout", error.Message);
    }

    [Fact]
    public void An_artifact_that_is_no_container_image_is_refused()
    {
        var builder = new OciLayoutBuilder();
        var config = builder.Blob("{}"u8.ToArray(), "application/vnd.cncf.helm.config.v1+json");
        var manifest = builder.Blob(ImageFiles.Json(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = config,
            ["layers"] = new JsonArray(),
        }), "application/vnd.oci.image.manifest.v1+json");
        var folder = builder.Layout(manifest).SaveTo(_temp.Folder("helm"));

        var error = Assert.Throws<ImageFormatException>(() => ImageReader.Open("oci:" + folder));

        Assert.EndsWith(": is not a container image: its config has media type application/vnd.cncf.helm.config.v1+json", error.Message);
    }

    [Fact]
    public void A_compressed_archive_is_refused_with_advice()
    {
        var builder = new OciLayoutBuilder();
        var plain = builder.Layout(builder.Image("linux/amd64", Layer())).SaveAsTar(Path.Combine(_temp.FullPath, "plain.tar"));
        var gzipped = Path.Combine(_temp.FullPath, "image.tar.gz");
        File.WriteAllBytes(gzipped, LayerTar.Gzip(File.ReadAllBytes(plain)));

        Assert.Equal($"{gzipped}: is gzip-compressed; decompress it first (the archive must be a plain tar)",
            Assert.Throws<ImageFormatException>(() => ImageReader.Open("oci-archive:" + gzipped)).Message);
    }

    [Fact]
    public void A_truncated_archive_is_refused()
    {
        var builder = new OciLayoutBuilder();
        builder.Layout(builder.Image("linux/amd64", new LayerTar().File("big", new string('b', 50_000)).Build()));
        var whole = File.ReadAllBytes(builder.SaveAsTar(Path.Combine(_temp.FullPath, "whole.tar")));
        var cut = Path.Combine(_temp.FullPath, "cut.tar");
        File.WriteAllBytes(cut, whole[..(whole.Length - 3000)]);

        var error = Assert.Throws<ImageFormatException>(() => ImageReader.Open("oci-archive:" + cut));

        Assert.StartsWith($"{cut}: is truncated", error.Message);
    }

    [Fact]
    public void A_huge_PAX_header_in_the_archive_itself_is_refused_before_it_is_read()
    {
        var archive = Path.Combine(_temp.FullPath, "pax.tar");
        File.WriteAllBytes(archive, LayerTar.Header("PaxHeaders/index.json", 'x', 1L << 40).Concat(new byte[8192]).ToArray());

        Assert.Equal($"{archive}: the PAX extended header at offset 0 claims 1 TiB, more than the 1 MiB allowed (raise MaxTarMetadataBytes to read it)",
            Assert.Throws<ImageLimitExceededException>(() => ImageReader.Open("oci-archive:" + archive)).Message);
    }

    [Fact]
    public void Files_and_folders_are_told_apart()
    {
        var folder = _temp.Folder("a-folder");
        var file = _temp.Write("a-file.tar", "");

        Assert.Equal($"{folder}: is a folder; use oci:{folder} for an OCI layout folder",
            Assert.Throws<ImageFormatException>(() => ImageReader.Open("docker-archive:" + folder)).Message);
        Assert.Equal($"{file}: is a file, not an OCI layout folder; use oci-archive:{file} for a tar file",
            Assert.Throws<ImageFormatException>(() => ImageReader.Open("oci:" + file)).Message);
        Assert.Equal($"{file}x: no such file or folder",
            Assert.Throws<ImageFormatException>(() => ImageReader.Open("oci-archive:" + file + "x")).Message);
        Assert.Equal($"{folder}: is not an OCI image layout: it has no index.json",
            Assert.Throws<ImageFormatException>(() => ImageReader.Open("oci:" + folder)).Message);
    }
}
