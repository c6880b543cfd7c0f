using System.Text.Json.Nodes;
using Stagecraft.Images.Sources;
using Stagecraft.Images.Sources.Registry;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources.Registry;

/// <summary>The registry client over real sockets (the real SocketsHttpHandler against a loopback server): TLS fallback, connections cut and stalled mid-blob.</summary>
public sealed class RegistrySocketTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LoopbackHttpServer _server = new(authority => new FakeRegistry(authority));
    private readonly List<TimeSpan> _sleeps = [];
    private readonly byte[] _layerTar;

    public RegistrySocketTests()
    {
        var noise = new byte[2_000_000];
        new Random(11).NextBytes(noise);
        _layerTar = new LayerTar().File("noise.bin", noise).Build();
        var files = new OciLayoutBuilder();
        _server.Registry.Push("team/app", "1", files, files.Image("linux/amd64", _layerTar));
    }

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    /// <summary>Opens the image through the server; <paramref name="idleSeconds"/> is how long a download may go quiet.</summary>
    private OpenedImage Open(int idleSeconds = 30)
    {
        var settings = RegistrySettings.Default with
        {
            DockerConfigDirectory = _temp.FullPath,
            ReadIdleTimeout = TimeSpan.FromSeconds(idleSeconds),
            Retries = RetryPolicy.Default with { Sleep = (delay, _) => _sleeps.Add(delay) },
        };
        return ImageReader.Open(ImageReference.Parse($"docker://{_server.Authority}/team/app:1"), null, new ImageSourceEnvironment { Registry = settings });
    }

    private void AssertRead(OpenedImage image)
    {
        Assert.Equal(LayerTar.Sha256(_layerTar), image.Layers[0].DiffId.ToString());
        Assert.Equal("/noise.bin", Assert.Single(image.Layers[0].Entries).Path);
    }

    [Fact]
    public void A_plain_HTTP_loopback_registry_is_read_after_the_TLS_attempt_fails()
    {
        var image = Open();

        AssertRead(image);
        Assert.Contains($"{_server.Authority} does not speak HTTPS; read over plain HTTP (allowed for a loopback registry)", image.Notes);
        Assert.Empty(_sleeps);
    }

    [Fact]
    public void A_connection_cut_mid_blob_is_resumed_from_where_it_broke()
    {
        _server.BlobFaults = n => n == 2 ? new BlobFault(700_000, Stall: false) : null;

        AssertRead(Open());

        var blobRequests = _server.Registry.Requests.Where(r => r.PathAndQuery.Contains("/blobs/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, blobRequests.Length); // the config, the cut layer download, its resumption
        Assert.Matches("^bytes=[1-9][0-9]*-$", blobRequests[2].Range);
        Assert.Single(_sleeps);
    }

    [Fact]
    public void A_download_that_goes_quiet_counts_as_dropped_and_is_resumed()
    {
        _server.BlobFaults = n => n == 2 ? new BlobFault(500_000, Stall: true) : null;

        AssertRead(Open(idleSeconds: 1));

        // A loaded machine may time out another read too; what matters is that the quiet download was resumed.
        Assert.Contains(_server.Registry.Requests, r => r.PathAndQuery.Contains("/blobs/", StringComparison.Ordinal) && r.Range?.StartsWith("bytes=", StringComparison.Ordinal) == true);
        Assert.NotEmpty(_sleeps);
    }
}
