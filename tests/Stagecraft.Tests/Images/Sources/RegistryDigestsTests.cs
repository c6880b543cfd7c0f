using System.Security.Cryptography;
using Stagecraft.Images.Sources;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Images.Sources.Registry;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources;

/// <summary>The digest lookup behind <c>fix --pin-digests</c>: the digest of the manifest or index a tag names.</summary>
public sealed class RegistryDigestsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeRegistry _registry = new();
    private readonly string _indexDigest;

    public RegistryDigestsTests()
    {
        var files = new OciLayoutBuilder();
        var layer = new LayerTar().File("f", "x").Build();
        var index = files.Index(files.Image("linux/amd64", layer), files.Image("linux/arm64", layer));
        _registry.Push("library/node", "20.19.5-slim", files, index);
        _indexDigest = (string)index["digest"]!;
    }

    public void Dispose()
    {
        _temp.Dispose();
        _registry.Dispose();
    }

    private RegistryDigests Lookup() => new(_registry.Environment(_temp.FullPath).Registry, insecure: false, CancellationToken.None);

    [Fact]
    public void A_tag_gets_the_digest_of_the_index_it_names_checked_against_its_bytes()
    {
        var lookup = Lookup();

        var digest = lookup.DigestOf("registry.test/library/node:20.19.5-slim");

        Assert.Equal(_indexDigest, digest);
        var manifest = _registry.RegistryRequests.Last(r => r.PathAndQuery.Contains("/manifests/", StringComparison.Ordinal));
        Assert.EndsWith("/v2/library/node/manifests/20.19.5-slim", manifest.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(1, _registry.RegistryRequests.Count(r => r.PathAndQuery.Contains("/manifests/", StringComparison.Ordinal)));
        Assert.DoesNotContain(_registry.RegistryRequests, r => r.PathAndQuery.Contains("/blobs/", StringComparison.Ordinal));
        Assert.Equal(digest, lookup.DigestOf("registry.test/library/node:20.19.5-slim")); // asked once per run
        Assert.Equal(1, _registry.RegistryRequests.Count(r => r.PathAndQuery.Contains("/manifests/", StringComparison.Ordinal)));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(ManifestBytes())), digest);
    }

    [Fact]
    public void A_missing_tag_has_no_digest_and_a_note_rather_than_an_error()
    {
        var lookup = Lookup();

        Assert.Null(lookup.DigestOf("registry.test/library/node:99.0.0"));
        Assert.Null(lookup.DigestOf("not a name!"));
        var note = Assert.Single(lookup.Notes);
        Assert.StartsWith("no digest for registry.test/library/node:99.0.0: ", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_registry_gives_the_digest_a_pull_by_digest_would_use()
    {
        var registry = RealImages.RequireRegistry();
        var reference = $"{registry}/stagecraft-test/{RealImages.MultiStage}:1";

        var digest = new RegistryDigests().DigestOf(reference);

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{registry}/v2/stagecraft-test/{RealImages.MultiStage}/manifests/1");
        foreach (var type in (string[])["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"])
            request.Headers.Accept.ParseAdd(type);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), digest);
        Assert.Equal(response.Headers.GetValues("Docker-Content-Digest").Single(), digest);
    }

    private byte[] ManifestBytes() => _registry.Blob(_indexDigest);
}
