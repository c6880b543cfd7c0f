using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Images.Sources.Registry;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources.Registry;

/// <summary>The docker:// source against an in-process registry: manifests, platforms, digests, blobs streamed and verified.</summary>
public sealed class RegistrySourceTests : IDisposable
{
    private const string Repository = "team/app";
    private const string Reference = "docker://registry.test/team/app:1";

    private readonly TempDirectory _temp = new();
    private readonly FakeRegistry _registry = new();
    private readonly byte[] _base = new LayerTar().Directory("etc").File("etc/os-release", "ID=debian\nVERSION_ID=12\n").Build();
    private readonly byte[] _app = new LayerTar().Directory("app").File("app/main", new byte[50_000]).Build();

    public void Dispose()
    {
        _temp.Dispose();
        _registry.Dispose();
    }

    private OpenedImage Open(string reference = Reference, ImageReadOptions? options = null, List<TimeSpan>? sleeps = null) =>
        ImageReader.Open(ImageReference.Parse(reference), options, _registry.Environment(_temp.FullPath, sleeps));

    private (OciLayoutBuilder Files, JsonObject Manifest) PushSingle(string tag = "1")
    {
        var files = new OciLayoutBuilder();
        var manifest = files.Image("linux/amd64", _base, _app);
        _registry.Push(Repository, tag, files, manifest);
        return (files, manifest);
    }

    private static string LayerDigest(OciLayoutBuilder files, JsonObject manifest, int index) =>
        (string)JsonNode.Parse(files.Files["blobs/sha256/" + ((string)manifest["digest"]!)[7..]])!["layers"]![index]!["digest"]!;

    [Fact]
    public void An_anonymous_registry_gives_the_image_with_every_digest_checked()
    {
        var (files, manifest) = PushSingle();

        var image = Open();

        Assert.Equal((string)manifest["digest"]!, image.ManifestDigest!.ToString());
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", image.ManifestMediaType);
        Assert.Equal(["registry.test/team/app:1"], image.Tags);
        Assert.Equal([LayerTar.Sha256(_base), LayerTar.Sha256(_app)], image.Layers.Select(l => l.DiffId.ToString()));
        Assert.Equal([LayerDigest(files, manifest, 0), LayerDigest(files, manifest, 1)], image.Layers.Select(l => l.Digest.ToString()));
        Assert.Equal(["/app", "/app/main"], image.Layers[1].Entries.Select(e => e.Path));
        Assert.All(_registry.Requests, r => Assert.Null(r.Authorization));
        Assert.All(_registry.Requests, r => Assert.Equal("https", r.Uri.Scheme));
        var manifestRequest = _registry.Requests.First();
        Assert.Equal($"/v2/{Repository}/manifests/1", manifestRequest.PathAndQuery);
        Assert.Contains("application/vnd.oci.image.index.v1+json", manifestRequest.Accept);
        Assert.Contains("application/vnd.docker.distribution.manifest.v2+json", manifestRequest.Accept);
    }

    [Fact]
    public void A_reference_by_digest_is_fetched_by_that_digest()
    {
        var (_, manifest) = PushSingle();
        var digest = (string)manifest["digest"]!;

        var image = Open($"docker://registry.test/team/app@{digest}");

        Assert.Equal(digest, image.ManifestDigest!.ToString());
        Assert.Empty(image.Tags);
        Assert.Equal($"/v2/{Repository}/manifests/{digest}", _registry.Requests.First().PathAndQuery);
    }

    [Fact]
    public void A_manifest_list_gives_the_platform_asked_for_and_skips_attestations()
    {
        var files = new OciLayoutBuilder();
        var amd64 = files.Image("linux/amd64", _base);
        var arm64 = files.Image("linux/arm64/v8", _app);
        var attestation = files.Image("linux/amd64", _base);
        attestation["platform"] = new JsonObject { ["os"] = "unknown", ["architecture"] = "unknown" };
        var index = files.Index(amd64, arm64, attestation);
        _registry.Push(Repository, "1", files, index);

        var arm = Open(options: new ImageReadOptions { Platform = ImagePlatform.Parse("linux/arm64") });
        Assert.Equal("arm64", arm.Config.Architecture);
        Assert.Equal((string)arm64["digest"]!, arm.ManifestDigest!.ToString());
        Assert.Equal("platform linux/arm64/v8, as asked", arm.PlatformNote);

        var error = Assert.Throws<ImageSelectionException>(() => Open(options: new ImageReadOptions { Platform = ImagePlatform.Parse("linux/s390x") }));
        Assert.Equal($"{Reference}: has no linux/s390x image (it has linux/amd64, linux/arm64/v8)", error.Message);

        if (ImagePlatform.Host.Architecture is "amd64" or "arm64")
        {
            var host = Open();
            Assert.Equal(ImagePlatform.Host.Architecture, host.Config.Architecture);
            Assert.StartsWith($"platform {ImagePlatform.Host.Os}/{ImagePlatform.Host.Architecture}", host.PlatformNote);
            Assert.EndsWith("this machine's, chosen out of 2", host.PlatformNote);
        }
    }

    [Fact]
    public void Docker_manifest_list_and_v2_manifest_media_types_are_read()
    {
        var files = new OciLayoutBuilder();
        var config = files.Blob(ImageFiles.Config("linux/amd64", [_base]), "application/vnd.docker.container.image.v1+json");
        var layer = files.Blob(LayerTar.Gzip(_base), "application/vnd.docker.image.rootfs.diff.tar.gzip");
        var manifest = files.Blob(ImageFiles.Json(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.docker.distribution.manifest.v2+json",
            ["config"] = config,
            ["layers"] = new JsonArray(layer),
        }), "application/vnd.docker.distribution.manifest.v2+json");
        manifest["platform"] = new JsonObject { ["os"] = "linux", ["architecture"] = "amd64" };
        var list = files.Blob(ImageFiles.Json(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.docker.distribution.manifest.list.v2+json",
            ["manifests"] = new JsonArray(manifest.DeepClone()),
        }), "application/vnd.docker.distribution.manifest.list.v2+json");
        _registry.Push(Repository, "1", files, list);

        var image = Open(options: new ImageReadOptions { Platform = ImagePlatform.Parse("linux/amd64") });

        Assert.Equal("application/vnd.docker.distribution.manifest.v2+json", image.ManifestMediaType);
        Assert.Equal((string)manifest["digest"]!, image.ManifestDigest!.ToString());
        Assert.Equal("application/vnd.docker.image.rootfs.diff.tar.gzip", image.Layers[0].MediaType);
    }

    [Fact]
    public void A_manifest_whose_bytes_do_not_match_the_digest_asked_for_is_refused()
    {
        var (_, manifest) = PushSingle();
        var digest = (string)manifest["digest"]!;
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(_registry.Blob(digest)).Replace("\"schemaVersion\":2", "\"schemaVersion\": 2"));
        _registry.ReplaceManifest(Repository, digest, tampered);

        var error = Assert.Throws<DigestMismatchException>(() => Open($"docker://registry.test/team/app@{digest}"));

        Assert.Equal($"docker://registry.test/team/app@{digest}: has digest {LayerTar.Sha256(tampered)} but {digest} was asked for", error.Message);
    }

    [Fact]
    public void A_manifest_that_differs_from_the_registrys_Docker_Content_Digest_is_refused()
    {
        var (_, manifest) = PushSingle();
        var digest = (string)manifest["digest"]!;
        _registry.Intercept = request =>
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/manifests/1", StringComparison.Ordinal))
                return null;
            var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(_registry.Blob(digest)) + " ");
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
            response.Content.Headers.ContentType = new("application/vnd.oci.image.manifest.v1+json");
            response.Headers.TryAddWithoutValidation("Docker-Content-Digest", digest);
            return response;
        };

        var error = Assert.Throws<DigestMismatchException>(() => Open());

        Assert.StartsWith($"{Reference}: has digest sha256:", error.Message);
        Assert.EndsWith($"but the registry's Docker-Content-Digest says {digest}", error.Message);
    }

    [Fact]
    public void A_layer_blob_with_other_bytes_fails_naming_the_blob_and_the_registry()
    {
        var (files, manifest) = PushSingle();
        var layer = LayerDigest(files, manifest, 1);
        var corrupt = (byte[])_registry.Blob(layer).Clone();
        corrupt[corrupt.Length / 2] ^= 0xff;
        _registry.ReplaceBlob(layer, corrupt);

        var error = Assert.Throws<DigestMismatchException>(() => Open());

        Assert.Equal($"{Reference}: layer 1 (blob {layer}): has digest {LayerTar.Sha256(corrupt)} but {layer} was expected", error.Message);
    }

    [Fact]
    public void A_config_blob_with_other_bytes_is_refused()
    {
        var (files, manifest) = PushSingle();
        var config = (string)JsonNode.Parse(files.Files["blobs/sha256/" + ((string)manifest["digest"]!)[7..]])!["config"]!["digest"]!;
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(_registry.Blob(config)).Replace("amd64", "arm64"));
        _registry.ReplaceBlob(config, tampered);

        var error = Assert.Throws<DigestMismatchException>(() => Open());

        Assert.Equal($"{Reference}: config (blob {config}): has digest {LayerTar.Sha256(tampered)} but {config} was expected", error.Message);
    }

    [Fact]
    public void A_registry_sending_more_bytes_than_the_manifest_says_is_refused()
    {
        var (files, manifest) = PushSingle();
        var layer = LayerDigest(files, manifest, 0);
        _registry.ReplaceBlob(layer, [.. _registry.Blob(layer), .. new byte[100]]);

        var error = Assert.Throws<DigestMismatchException>(() => Open());

        Assert.StartsWith($"{Reference}: layer 0 (blob {layer}): the registry sends ", error.Message);
        Assert.Contains("bytes but the manifest says", error.Message);
    }

    [Fact]
    public void A_missing_tag_is_one_line_naming_the_reference_and_the_registrys_error()
    {
        PushSingle();

        var error = Assert.Throws<RegistryException>(() => Open("docker://registry.test/team/app:2"));

        Assert.Equal("docker://registry.test/team/app:2: registry.test has no tag 2 in team/app (MANIFEST_UNKNOWN: manifest unknown)", error.Message);
    }

    [Fact]
    public void A_registry_that_cannot_be_resolved_is_one_line_and_not_retried()
    {
        var sleeps = new List<TimeSpan>();

        var error = Assert.Throws<RegistryException>(() => Open("docker://nowhere.test/team/app:1", sleeps: sleeps));

        Assert.Equal("docker://nowhere.test/team/app:1: cannot reach nowhere.test: Name or service not known (nowhere.test:443)", error.Message);
        Assert.Empty(sleeps);
    }
}
