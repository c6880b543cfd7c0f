using System.Net;
using System.Text.Json.Nodes;
using Stagecraft.Images.Sources;
using Stagecraft.Images.Sources.Registry;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources.Registry;

/// <summary>What the registry client does when the network or the registry misbehaves: retries, resumed blobs, redirects, plain HTTP.</summary>
public sealed class RegistryRetryTests : IDisposable
{
    private const string Reference = "docker://registry.test/team/app:1";

    private readonly TempDirectory _temp = new();
    private readonly FakeRegistry _registry = new();
    private readonly List<TimeSpan> _sleeps = [];
    private readonly byte[] _layerTar;
    private readonly string _layerDigest;

    public RegistryRetryTests()
    {
        var random = new Random(7);
        var noise = new byte[300_000];
        random.NextBytes(noise);
        _layerTar = new LayerTar().File("data/noise.bin", noise).File("data/readme", "hello").Build();
        var files = new OciLayoutBuilder();
        var manifest = files.Image("linux/amd64", _layerTar);
        _registry.Push("team/app", "1", files, manifest);
        _layerDigest = (string)JsonNode.Parse(files.Files["blobs/sha256/" + ((string)manifest["digest"]!)[7..]])!["layers"]![0]!["digest"]!;
    }

    public void Dispose()
    {
        _temp.Dispose();
        _registry.Dispose();
    }

    private OpenedImage Open(string reference = Reference, ImageReadOptions? options = null) =>
        ImageReader.Open(ImageReference.Parse(reference), options, _registry.Environment(_temp.FullPath, _sleeps));

    private static bool IsBlob(HttpRequestMessage request, string digest) =>
        request.RequestUri!.AbsolutePath.EndsWith("/blobs/" + digest, StringComparison.Ordinal);

    private void AssertRead(OpenedImage image)
    {
        Assert.Equal(LayerTar.Sha256(_layerTar), image.Layers[0].DiffId.ToString());
        Assert.Equal(_layerDigest, image.Layers[0].Digest.ToString());
        Assert.Equal(["/data/noise.bin", "/data/readme"], image.Layers[0].Entries.Select(e => e.Path).Order());
    }

    [Fact]
    public void Too_many_requests_waits_as_long_as_Retry_After_says()
    {
        var calls = 0;
        _registry.Intercept = request =>
        {
            if (!request.RequestUri!.AbsolutePath.Contains("/manifests/", StringComparison.Ordinal) || Interlocked.Increment(ref calls) > 1)
                return null;
            var response = FakeRegistry.Error(HttpStatusCode.TooManyRequests, "TOOMANYREQUESTS", "slow down");
            response.Headers.RetryAfter = new(TimeSpan.FromSeconds(7));
            return response;
        };

        AssertRead(Open());

        Assert.Equal([TimeSpan.FromSeconds(7)], _sleeps);
    }

    [Fact]
    public void Service_unavailable_is_retried_with_growing_waits_until_it_works()
    {
        var calls = 0;
        _registry.Intercept = request =>
            IsBlob(request, _layerDigest) && Interlocked.Increment(ref calls) <= 3
                ? FakeRegistry.Error(HttpStatusCode.ServiceUnavailable, "UNAVAILABLE", "try later")
                : null;

        AssertRead(Open());

        Assert.Equal(4, calls);
        Assert.Equal(3, _sleeps.Count);
        // Backoff doubles from 0.5 s, half of each wait fixed and half random.
        Assert.InRange(_sleeps[0].TotalMilliseconds, 250, 500);
        Assert.InRange(_sleeps[1].TotalMilliseconds, 500, 1000);
        Assert.InRange(_sleeps[2].TotalMilliseconds, 1000, 2000);
    }

    [Fact]
    public void A_registry_that_keeps_failing_is_given_up_on_after_the_last_try()
    {
        _registry.Intercept = request =>
            IsBlob(request, _layerDigest) ? FakeRegistry.Error(HttpStatusCode.ServiceUnavailable, "UNAVAILABLE", "down") : null;

        var error = Assert.Throws<RegistryException>(() => Open());

        Assert.Equal($"{Reference}: layer 0 (blob {_layerDigest}): gave up after 5 tries: the registry answered 503 Service Unavailable", error.Message);
        Assert.Equal(4, _sleeps.Count);
    }

    [Fact]
    public void A_Retry_After_longer_than_a_minute_is_reported_instead_of_waited_for()
    {
        _registry.Intercept = request =>
        {
            var response = FakeRegistry.Error(HttpStatusCode.TooManyRequests, "TOOMANYREQUESTS", "rate limit");
            response.Headers.RetryAfter = new(TimeSpan.FromHours(6));
            return response;
        };

        var error = Assert.Throws<RegistryException>(() => Open());

        Assert.Equal($"{Reference}: the registry answered 429 Too Many Requests and asks to be asked again in 21,600 s; try again later", error.Message);
        Assert.Empty(_sleeps);
    }

    [Fact]
    public void A_connection_dropped_mid_blob_resumes_with_a_range_request()
    {
        var calls = 0;
        _registry.Intercept = request =>
        {
            if (!IsBlob(request, _layerDigest) || Interlocked.Increment(ref calls) > 1)
                return null;
            var blob = _registry.Blob(_layerDigest);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new DroppingStream(blob, blob.Length / 3)) };
            response.Content.Headers.ContentLength = blob.Length;
            return response;
        };

        AssertRead(Open());

        var blobRequests = _registry.RegistryRequests.Where(r => r.PathAndQuery.EndsWith(_layerDigest, StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, blobRequests.Length);
        Assert.Null(blobRequests[0].Range);
        Assert.Matches("^bytes=[1-9][0-9]*-$", blobRequests[1].Range);
        Assert.Single(_sleeps);
    }

    [Fact]
    public void A_registry_that_ignores_ranges_is_read_again_from_the_start_past_the_bytes_already_read()
    {
        _registry.SupportsRanges = false;
        var calls = 0;
        _registry.Intercept = request =>
        {
            if (!IsBlob(request, _layerDigest) || Interlocked.Increment(ref calls) > 2)
                return null;
            var blob = _registry.Blob(_layerDigest);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new DroppingStream(blob, blob.Length * calls / 3)) };
            response.Content.Headers.ContentLength = blob.Length;
            return response;
        };

        AssertRead(Open());

        Assert.Equal(3, calls);
    }

    [Fact]
    public void A_blob_that_keeps_dropping_is_given_up_on_naming_the_blob()
    {
        _registry.Intercept = request =>
        {
            if (!IsBlob(request, _layerDigest))
                return null;
            var blob = _registry.Blob(_layerDigest);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new DroppingStream(blob, 10)) };
            response.Content.Headers.ContentLength = blob.Length;
            return response;
        };

        var error = Assert.Throws<RegistryException>(() => Open());

        Assert.Equal($"{Reference}: layer 0 (blob {_layerDigest}): gave up after 5 tries: the connection dropped: Unable to read data from the transport connection: Connection reset by peer.", error.Message);
    }

    [Fact]
    public void A_redirect_to_blob_storage_on_another_host_carries_no_registry_credentials()
    {
        _registry.Auth = FakeAuth.Bearer;
        _registry.RedirectBlobs = true;

        AssertRead(Open());

        var storage = _registry.Requests.Where(r => r.Uri.Authority == FakeRegistry.StorageHost).ToArray();
        Assert.NotEmpty(storage);
        Assert.All(storage, r => Assert.Null(r.Authorization));
        Assert.All(storage, r => Assert.Equal("signature=abc", r.Uri.Query.TrimStart('?')));
        Assert.Contains(_registry.RegistryRequests, r => r.PathAndQuery.Contains("/blobs/", StringComparison.Ordinal) && r.Authorization == "Bearer token-1");
    }

    [Fact]
    public void A_redirect_from_https_to_plain_http_is_refused_for_a_remote_registry()
    {
        _registry.Intercept = request =>
        {
            if (!IsBlob(request, _layerDigest))
                return null;
            var redirect = new HttpResponseMessage(HttpStatusCode.Found);
            redirect.Headers.Location = new Uri("http://storage.test/blobs/" + _layerDigest);
            return redirect;
        };

        var error = Assert.Throws<RegistryException>(() => Open());

        Assert.Equal($"{Reference}: layer 0 (blob {_layerDigest}): registry.test redirected from HTTPS to plain HTTP (storage.test); use --insecure to allow it", error.Message);
    }

    [Fact]
    public void A_loopback_registry_that_does_not_speak_TLS_is_read_over_plain_HTTP_with_a_note()
    {
        using var local = new FakeRegistry("127.0.0.1:5999");
        var files = new OciLayoutBuilder();
        local.Push("x", "1", files, files.Image("linux/amd64", _layerTar));
        local.Intercept = request => request.RequestUri!.Scheme == "https"
            ? throw new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established")
            : null;

        var image = ImageReader.Open(ImageReference.Parse("docker://127.0.0.1:5999/x:1"), null, local.Environment(_temp.FullPath));

        AssertRead(image);
        Assert.Contains("127.0.0.1:5999 does not speak HTTPS; read over plain HTTP (allowed for a loopback registry)", image.Notes);
        Assert.Equal("https", local.Requests.First().Uri.Scheme);
        Assert.All(local.Requests.Skip(1), r => Assert.Equal("http", r.Uri.Scheme));
    }

    [Fact]
    public void A_remote_registry_without_TLS_needs_insecure()
    {
        using var remote = new FakeRegistry("registry.internal:5000");
        var files = new OciLayoutBuilder();
        remote.Push("x", "1", files, files.Image("linux/amd64", _layerTar));
        remote.Intercept = request => request.RequestUri!.Scheme == "https"
            ? throw new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established, see inner exception.")
            : null;
        var environment = remote.Environment(_temp.FullPath);

        var error = Assert.Throws<RegistryException>(() => ImageReader.Open(ImageReference.Parse("docker://registry.internal:5000/x:1"), null, environment));
        Assert.Equal("docker://registry.internal:5000/x:1: cannot reach registry.internal:5000: The SSL connection could not be established, see inner exception.", error.Message);

        var image = ImageReader.Open(ImageReference.Parse("docker://registry.internal:5000/x:1"), new ImageReadOptions { Insecure = true }, environment);
        Assert.Contains("registry.internal:5000 does not speak HTTPS; read over plain HTTP (--insecure)", image.Notes);
    }
}
