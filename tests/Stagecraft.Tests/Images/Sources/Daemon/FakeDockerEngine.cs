using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Stagecraft.Images.Sources.Daemon;

namespace Stagecraft.Tests.Images.Sources.Daemon;

/// <summary>
/// A stand-in for the Docker engine on a unix socket in a temp folder: answers GET /version, /images/NAME/json and
/// /images/NAME/get from the archives it was given, over plain HTTP/1.1, and records the paths asked for.
/// </summary>
internal sealed class FakeDockerEngine : IDisposable
{
    private readonly Socket _listener;
    private readonly Dictionary<string, FakeImage> _images = new(StringComparer.Ordinal);
    private readonly Thread _acceptor;
    private readonly ManualResetEventSlim _disposed = new();

    public FakeDockerEngine(string socketPath, string apiVersion = "1.41", string minApiVersion = "1.12")
    {
        SocketPath = socketPath;
        ApiVersion = apiVersion;
        MinApiVersion = minApiVersion;
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        _listener.Listen();
        _acceptor = new Thread(Accept) { IsBackground = true, Name = "fake docker engine" };
        _acceptor.Start();
    }

    public string SocketPath { get; }

    public string ApiVersion { get; }

    public string MinApiVersion { get; }

    public DockerEngineEndpoint Endpoint => new(SocketPath);

    /// <summary>Every request path, in the order they came.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>
    /// Serves <paramref name="archive"/> as the export of <paramref name="name"/> (as the engine spells it, "app:1").
    /// <paramref name="sendBytes"/> cuts the body short: with <paramref name="dropConnection"/> the connection closes
    /// after that many bytes of a longer announced body, otherwise a complete response carries only those bytes.
    /// </summary>
    /// <param name="layerCount">How many diff ids the engine lists under RootFS.Layers (none when 0).</param>
    public FakeDockerEngine Image(string name, string id, byte[] archive, int? sendBytes = null, bool dropConnection = false, int layerCount = 0)
    {
        lock (_images)
            _images[name] = new FakeImage(id, archive, sendBytes, dropConnection, Stall: false, layerCount);
        return this;
    }

    /// <summary>Serves an export that sends <paramref name="sendBytes"/> bytes and then nothing more until the engine is disposed.</summary>
    public FakeDockerEngine StallingImage(string name, string id, byte[] archive, int sendBytes)
    {
        lock (_images)
            _images[name] = new FakeImage(id, archive, sendBytes, DropConnection: false, Stall: true, LayerCount: 0);
        return this;
    }

    public void Dispose()
    {
        _disposed.Set();
        _listener.Dispose();
        File.Delete(SocketPath);
    }

    private void Accept()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            new Thread(() => Serve(connection)) { IsBackground = true }.Start();
        }
    }

    private void Serve(Socket connection)
    {
        using var stream = new NetworkStream(connection, ownsSocket: true);
        try
        {
            while (ReadRequestPath(stream) is { } path)
            {
                Requests.Enqueue(path);
                if (!Answer(stream, path))
                    return;
            }
        }
        catch (IOException)
        {
            // The client went away; nothing to answer.
        }
    }

    /// <summary>Answers one request; false when the connection must close (a dropped export).</summary>
    private bool Answer(Stream stream, string path)
    {
        if (path == "/version")
        {
            Respond(stream, 200, new JsonObject { ["Version"] = "20.10.24", ["ApiVersion"] = ApiVersion, ["MinAPIVersion"] = MinApiVersion });
            return true;
        }
        var rest = path.StartsWith("/v", StringComparison.Ordinal) ? path[(path.IndexOf('/', 1) + 1)..] : path[1..];
        if (!rest.StartsWith("images/", StringComparison.Ordinal))
        {
            Respond(stream, 404, new JsonObject { ["message"] = "page not found" });
            return true;
        }
        var action = rest[(rest.LastIndexOf('/') + 1)..];
        var name = rest["images/".Length..rest.LastIndexOf('/')];
        FakeImage? image;
        lock (_images)
            image = _images.GetValueOrDefault(name);
        if (image is null)
        {
            Respond(stream, 404, new JsonObject { ["message"] = "No such image: " + name });
            return true;
        }
        if (action == "json")
        {
            var answer = new JsonObject { ["Id"] = image.Id };
            if (image.LayerCount > 0)
                answer["RootFS"] = new JsonObject { ["Type"] = "layers", ["Layers"] = new JsonArray([.. Enumerable.Range(0, image.LayerCount).Select(i => (JsonNode)$"sha256:{i:x64}")]) };
            Respond(stream, 200, answer);
            return true;
        }
        var body = image.SendBytes is { } cut && !image.DropConnection && !image.Stall ? image.Archive[..cut] : image.Archive;
        var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nContent-Length: {body.Length}\r\n\r\n";
        stream.Write(Encoding.ASCII.GetBytes(head));
        if (image.Stall)
        {
            stream.Write(body.AsSpan(0, image.SendBytes!.Value));
            _disposed.Wait();
            return false;
        }
        if (image.DropConnection)
        {
            stream.Write(body.AsSpan(0, image.SendBytes ?? body.Length));
            return false;
        }
        stream.Write(body);
        return true;
    }

    private static void Respond(Stream stream, int status, JsonNode json)
    {
        var body = Encoding.UTF8.GetBytes(json.ToJsonString());
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Not Found")}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        stream.Write(Encoding.ASCII.GetBytes(head));
        stream.Write(body);
    }

    /// <summary>Reads one request's head (GET requests have no body) and returns its path; null when the client closed the connection.</summary>
    private static string? ReadRequestPath(Stream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (stream.Read(one) == 0)
                return null;
            head.Add(one[0]);
        }
        var requestLine = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n")[0];
        return requestLine.Split(' ')[1];
    }

    private sealed record FakeImage(string Id, byte[] Archive, int? SendBytes, bool DropConnection, bool Stall, int LayerCount);
}
