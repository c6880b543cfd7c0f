using System.Formats.Tar;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Stagecraft.Images;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Images.Sources.Daemon;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Sources.Daemon;

/// <summary>
/// <c>docker-daemon:</c> against a stand-in engine on a unix socket: the export streamed and read as it arrives must
/// give exactly what the same archive gives as a file, and every way the engine can fail has a one-line message.
/// </summary>
public sealed class DockerDaemonSourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string SocketPath => Path.Combine(_temp.FullPath, "engine.sock");

    private static byte[] Layer(string file, string content) => new LayerTar().File(file, content).Build();

    /// <summary>Larger than what the reader keeps in memory, so it is read as a layer while it streams by.</summary>
    private static byte[] BigLayer() => new LayerTar().Directory("usr").File("usr/big", new byte[300_000]).File("usr/small", "x").Build();

    private (string Path, byte[] Bytes) Save(ImageFiles files, string name = "image.tar")
    {
        var path = files.SaveAsTar(Path.Combine(_temp.FullPath, name));
        return (path, File.ReadAllBytes(path));
    }

    private static string ConfigId(DockerArchiveBuilder builder) =>
        "sha256:" + builder.Files.Keys.Single(k => k.EndsWith(".json", StringComparison.Ordinal) && k != "manifest.json")[..^".json".Length];

    private static OpenedImage OpenFromEngine(FakeDockerEngine engine, string reference)
    {
        var parsed = (DockerDaemonReference)ImageReference.Parse(reference);
        return DockerDaemonSource.Open(parsed, ImageReadOptions.Default, endpoint: engine.Endpoint);
    }

    private static void AssertSameImage(OpenedImage expected, OpenedImage actual)
    {
        Assert.Equal(expected.ConfigDigest, actual.ConfigDigest);
        Assert.Equal(expected.ManifestDigest, actual.ManifestDigest);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Layers.Count, actual.Layers.Count);
        for (var i = 0; i < expected.Layers.Count; i++)
        {
            var (want, got) = (expected.Layers[i], actual.Layers[i]);
            Assert.Equal(i, got.Index);
            Assert.Equal(want.Digest, got.Digest);
            Assert.Equal(want.DiffId, got.DiffId);
            Assert.Equal(want.MediaType, got.MediaType);
            Assert.Equal(want.CompressedSize, got.CompressedSize);
            Assert.Equal(want.UncompressedSize, got.UncompressedSize);
            Assert.Equal(want.FileBytes, got.FileBytes);
            Assert.Equal(want.Entries.Select(e => (e.Path, e.Kind, e.Size)), got.Entries.Select(e => (e.Path, e.Kind, e.Size)));
        }
    }

    [Fact]
    public void A_legacy_export_streamed_from_the_engine_reads_exactly_like_the_same_archive_from_a_file()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", BigLayer(), Layer("etc/app.conf", "port=80"), BigLayer());
        var (path, bytes) = Save(builder);
        using var engine = new FakeDockerEngine(SocketPath).Image("app:1", ConfigId(builder), bytes);

        var image = OpenFromEngine(engine, "docker-daemon:app:1");

        AssertSameImage(ImageReader.Open("docker-archive:" + path), image);
        Assert.Equal("docker-daemon:docker.io/library/app:1", image.Reference.ToString());
        Assert.Equal(["/version", "/v1.41/images/app:1/json", "/v1.41/images/app:1/get"], engine.Requests);
    }

    [Fact]
    public void A_docker_25_export_keeps_its_OCI_manifest_digest_and_media_types()
    {
        var builder = new DockerArchiveBuilder().Docker25("app:2", "linux/amd64", BigLayer(), Layer("app/main", "binary"));
        var (path, bytes) = Save(builder);
        var configDigest = (string)((JsonArray)JsonNode.Parse(builder.Files["manifest.json"])!)[0]!["Config"]!;
        using var engine = new FakeDockerEngine(SocketPath).Image("app:2", "sha256:" + configDigest["blobs/sha256/".Length..], bytes);

        var image = OpenFromEngine(engine, "docker-daemon:app:2");

        AssertSameImage(ImageReader.Open("docker-archive:" + path), image);
        Assert.NotNull(image.ManifestDigest);
        Assert.All(image.Layers, l => Assert.Equal("application/vnd.oci.image.layer.v1.tar", l.MediaType));
    }

    [Fact]
    public void Progress_counts_the_layers_as_the_export_streams_by_and_ends_with_all_of_them()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", BigLayer(), Layer("etc/app.conf", "port=80"), BigLayer());
        var (_, bytes) = Save(builder);
        using var engine = new FakeDockerEngine(SocketPath).Image("app:1", ConfigId(builder), bytes, layerCount: 3);
        var reports = new List<ImageReadProgress>();
        var options = ImageReadOptions.Default with { Progress = new Collect(reports) };

        DockerDaemonSource.Open((DockerDaemonReference)ImageReference.Parse("docker-daemon:app:1"), options, endpoint: engine.Endpoint);

        Assert.Equal(new ImageReadProgress(0, 3, 0, null), reports[0]);
        Assert.All(reports, r => Assert.Equal(3, r.LayerCount));
        // The two large layers are counted while they stream by; the small one is read from memory afterwards.
        Assert.Contains(reports, r => r.LayersDone == 2);
        Assert.Equal(3, reports[^1].LayersDone);
        Assert.True(reports[^1].StoredBytesRead >= 600_000, $"read {reports[^1].StoredBytesRead} bytes");
        Assert.Equal(reports.Select(r => r.LayersDone).Order(), reports.Select(r => r.LayersDone));
    }

    [Fact]
    public void A_layer_the_export_links_to_an_earlier_copy_is_read_once_and_placed_twice()
    {
        var layer = BigLayer();
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", layer, Layer("a", "1"), layer);
        var manifest = (JsonArray)JsonNode.Parse(builder.Files["manifest.json"])!;
        var first = (string)manifest[0]!["Layers"]![0]!;
        var third = (string)manifest[0]!["Layers"]![2]!;
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, leaveOpen: true))
        {
            foreach (var (name, content) in builder.Files)
            {
                if (name == third)
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = "../" + first });
                else
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            }
        }
        using var engine = new FakeDockerEngine(SocketPath).Image("app:1", ConfigId(builder), archive.ToArray());

        var image = OpenFromEngine(engine, "docker-daemon:app:1");

        Assert.Equal([0, 1, 2], image.Layers.Select(l => l.Index));
        Assert.Equal(image.Layers[0].DiffId, image.Layers[2].DiffId);
        Assert.Equal(image.Layers[0].Entries.Count, image.Layers[2].Entries.Count);
    }

    [Fact]
    public void An_image_named_by_id_is_asked_for_by_id()
    {
        var builder = new DockerArchiveBuilder().Legacy([], "linux/amd64", Layer("a", "1"));
        var id = ConfigId(builder);
        using var engine = new FakeDockerEngine(SocketPath).Image(id, id, Save(builder).Bytes);

        var image = OpenFromEngine(engine, "docker-daemon:" + id);

        Assert.Equal(id, image.ConfigDigest.ToString());
        Assert.Contains($"/v1.41/images/{id}/get", engine.Requests);
    }

    [Fact]
    public void An_image_the_engine_does_not_have_is_named_on_one_line()
    {
        using var engine = new FakeDockerEngine(SocketPath);

        var error = Assert.Throws<ImageSelectionException>(() => OpenFromEngine(engine, "docker-daemon:foo:1"));

        Assert.Equal("docker-daemon:foo:1: the engine has no image foo:1", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_truncated_export_says_where_it_ended(bool dropConnection)
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", BigLayer(), BigLayer());
        var bytes = Save(builder).Bytes;
        using var engine = new FakeDockerEngine(SocketPath).Image("app:1", ConfigId(builder), bytes, sendBytes: bytes.Length / 2, dropConnection: dropConnection);

        var error = Assert.Throws<DockerEngineException>(() => OpenFromEngine(engine, "docker-daemon:app:1"));

        Assert.StartsWith($"docker-daemon:app:1: the engine's export ended after {bytes.Length / 2:N0} bytes, in or after member ", error.Message);
        Assert.Contains("before the end of the archive: it is truncated", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_stops_a_read_waiting_on_a_stalled_export()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", BigLayer());
        var bytes = Save(builder).Bytes;
        using var engine = new FakeDockerEngine(SocketPath).StallingImage("app:1", ConfigId(builder), bytes, sendBytes: bytes.Length / 2);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        var reference = (DockerDaemonReference)ImageReference.Parse("docker-daemon:app:1");

        // On a worker, so that a read which ignored the cancellation fails the test by its timeout instead of hanging it.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Run(() =>
            DockerDaemonSource.Open(reference, ImageReadOptions.Default with { Cancellation = cancel.Token }, endpoint: engine.Endpoint), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_layer_whose_content_differs_from_the_configs_diff_id_is_refused()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", BigLayer());
        var member = builder.Files.Keys.Single(k => k.EndsWith("/layer.tar", StringComparison.Ordinal));
        builder.Files[member] = new LayerTar().File("usr/other", new byte[300_000]).Build();
        using var engine = new FakeDockerEngine(SocketPath).Image("app:1", ConfigId(builder), Save(builder).Bytes);

        var error = Assert.Throws<DigestMismatchException>(() => OpenFromEngine(engine, "docker-daemon:app:1"));

        Assert.StartsWith($"docker-daemon:app:1: layer 0 ({member}): uncompresses to content with digest sha256:", error.Message);
    }

    [Fact]
    public void A_large_member_that_is_no_layer_matters_only_when_the_manifest_lists_it()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", Layer("a", "1"));
        builder.Files["notes.bin"] = new byte[200_000];
        using (var engine = new FakeDockerEngine(SocketPath).Image("app:1", ConfigId(builder), Save(builder).Bytes))
            Assert.Single(OpenFromEngine(engine, "docker-daemon:app:1").Layers);

        var broken = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", BigLayer());
        var member = broken.Files.Keys.Single(k => k.EndsWith("/layer.tar", StringComparison.Ordinal));
        broken.Files[member] = Enumerable.Repeat((byte)'z', 200_000).ToArray();
        using var brokenEngine = new FakeDockerEngine(Path.Combine(_temp.FullPath, "broken.sock")).Image("app:1", ConfigId(broken), Save(broken, "broken.tar").Bytes);

        var error = Assert.Throws<LayerFormatException>(() => OpenFromEngine(brokenEngine, "docker-daemon:app:1"));

        Assert.StartsWith($"docker-daemon:app:1: {member}: ", error.Message);
    }

    [Fact]
    public void An_export_of_many_small_files_besides_its_layers_is_refused_before_memory_runs_out()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", Layer("a", "1"));
        for (var i = 0; i < 20; i++)
            builder.Files[$"extra/{i}.json"] = System.Text.Encoding.UTF8.GetBytes("{\"pad\": \"" + new string('x', 1000) + "\"}");
        var settings = ImageReader.WalkSettings(ImageReadOptions.Default);
        var budget = new ImageBudget(1L << 30, 1000, 1L << 20, TestContext.Current.CancellationToken);

        var error = Assert.Throws<ImageLimitExceededException>(() =>
            ExportStreamReader.Read(new MemoryStream(Save(builder).Bytes), "docker-daemon:app:1", settings, budget, maxKeptBytes: 10_000));

        Assert.StartsWith("docker-daemon:app:1: the engine's export has more than ", error.Message);
        Assert.Contains("of small files besides its layers (at member extra/", error.Message);
    }

    [Fact]
    public void A_socket_that_does_not_exist_is_named()
    {
        var missing = Path.Combine(_temp.FullPath, "nothing.sock");
        var reference = (DockerDaemonReference)ImageReference.Parse("docker-daemon:app:1");

        var error = Assert.Throws<DockerEngineException>(() =>
            DockerDaemonSource.Open(reference, ImageReadOptions.Default, reference, new DockerEngineEndpoint(missing)));

        Assert.Equal($"docker-daemon:app:1: no Docker engine at {missing}: the socket does not exist (start dockerd, or set DOCKER_HOST=unix://PATH)", error.Message);
    }

    [Fact]
    public void A_socket_nothing_listens_on_is_named()
    {
        // Bound but not listening: what a socket file left behind by a stopped engine looks like to a client.
        using var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        stale.Bind(new UnixDomainSocketEndPoint(SocketPath));
        var reference = (DockerDaemonReference)ImageReference.Parse("docker-daemon:app:1");

        var error = Assert.Throws<DockerEngineException>(() =>
            DockerDaemonSource.Open(reference, ImageReadOptions.Default, reference, new DockerEngineEndpoint(SocketPath)));

        Assert.Equal($"docker-daemon:app:1: no Docker engine answers at {SocketPath}: the socket is there but nothing listens (start dockerd)", error.Message);
    }

    [Theory]
    [InlineData("1.41", "1.12", "/v1.41/")]
    [InlineData("1.40", "1.12", "/v1.40/")]
    [InlineData("1.47", "1.24", "/v1.41/")]
    [InlineData("1.52", "1.44", "/v1.44/")]
    public void The_API_version_is_the_one_this_reader_knows_unless_the_engine_cannot_speak_it(string newest, string oldest, string prefix)
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", Layer("a", "1"));
        using var engine = new FakeDockerEngine(SocketPath, newest, oldest).Image("app:1", ConfigId(builder), Save(builder).Bytes);

        OpenFromEngine(engine, "docker-daemon:app:1");

        Assert.Equal(["/version", prefix + "images/app:1/json", prefix + "images/app:1/get"], engine.Requests);
    }

    [Fact]
    public void A_bare_name_can_ask_whether_the_engine_has_the_image()
    {
        var builder = new DockerArchiveBuilder().Legacy(["app:1"], "linux/amd64", Layer("a", "1"));
        using var engine = new FakeDockerEngine(SocketPath).Image("me/app:1", ConfigId(builder), Save(builder).Bytes);

        Assert.True(DockerDaemonSource.HasImage(DockerImageName.Parse("me/app:1"), out _, engine.Endpoint, TestContext.Current.CancellationToken));
        Assert.False(DockerDaemonSource.HasImage(DockerImageName.Parse("other:1"), out var absent, engine.Endpoint, TestContext.Current.CancellationToken));
        Assert.Equal("the engine has no image other:1", absent);
        var nowhere = new DockerEngineEndpoint(Path.Combine(_temp.FullPath, "none.sock"));
        Assert.False(DockerDaemonSource.HasImage(DockerImageName.Parse("me/app:1"), out var unreachable, nowhere, TestContext.Current.CancellationToken));
        Assert.StartsWith("no Docker engine at ", unreachable);
    }

    [Theory]
    [InlineData(null, "/var/run/docker.sock")]
    [InlineData("", "/var/run/docker.sock")]
    [InlineData("unix:///run/user/1000/docker.sock", "/run/user/1000/docker.sock")]
    public void DOCKER_HOST_names_the_socket(string? dockerHost, string socket)
    {
        Assert.Equal(socket, DockerEngineEndpoint.From(dockerHost, "docker-daemon:app:1").SocketPath);
    }

    [Theory]
    [InlineData("tcp://10.0.0.5:2376", "docker-daemon:app:1: DOCKER_HOST=tcp://10.0.0.5:2376 is a tcp:// address; only the engine's unix socket is supported (unset DOCKER_HOST or set it to unix://PATH)")]
    [InlineData("ssh://me@host", "docker-daemon:app:1: DOCKER_HOST=ssh://me@host is a ssh:// address; only the engine's unix socket is supported (unset DOCKER_HOST or set it to unix://PATH)")]
    [InlineData("host:2375", "docker-daemon:app:1: DOCKER_HOST=host:2375 is not an address this reader understands (expected unix://PATH)")]
    public void A_DOCKER_HOST_that_is_not_a_unix_socket_is_refused(string dockerHost, string message)
    {
        var error = Assert.Throws<DockerEngineException>(() => DockerEngineEndpoint.From(dockerHost, "docker-daemon:app:1"));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("app:1", "app:1")]
    [InlineData("me/app", "me/app:latest")]
    [InlineData("docker.io/library/app:1", "app:1")]
    [InlineData("localhost:5000/team/app:2", "localhost:5000/team/app:2")]
    [InlineData("ghcr.io/library/app:1", "ghcr.io/library/app:1")]
    public void Names_are_shown_and_asked_for_the_way_docker_shows_them(string text, string familiar)
    {
        Assert.Equal(familiar, DockerDaemonSource.FamiliarName(DockerImageName.Parse(text)));
    }

    private sealed class Collect(List<ImageReadProgress> reports) : IProgress<ImageReadProgress>
    {
        public void Report(ImageReadProgress value) => reports.Add(value);
    }
}
