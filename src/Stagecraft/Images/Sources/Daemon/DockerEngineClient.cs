using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Stagecraft.Images.Sources.Daemon;

/// <summary>
/// Speaks HTTP/1.1 to the Docker engine over its unix socket — no docker CLI. Requests are synchronous: the callers
/// (the CLI, a layer worker) have nothing else to do meanwhile, and the export is read as a plain blocking stream.
/// </summary>
internal sealed class DockerEngineClient : IDisposable
{
    /// <summary>The API version this reader was written against (Docker 20.10); newer engines still accept it unless their minimum is higher.</summary>
    private static readonly Version Preferred = new(1, 41);

    private const int MaxErrorBodyBytes = 64 * 1024;
    private const int MaxJsonBytes = 4 << 20;

    private readonly DockerEngineEndpoint _endpoint;
    private readonly string _where;
    private readonly HttpClient _http;
    private string? _apiPrefix;

    /// <param name="where">The reference being opened, which every message starts with.</param>
    public DockerEngineClient(DockerEngineEndpoint endpoint, string where)
    {
        _endpoint = endpoint;
        _where = where;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, _) => ValueTask.FromResult(Connect(endpoint.SocketPath)),
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        // The export of a large image can take minutes before its first byte; the caller's token cancels instead.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The engine's id for the image (its config digest), or null when it has no such image.</summary>
    /// <param name="name">The name or id as the engine knows it ("app:1", "sha256:…").</param>
    public string? ImageId(string name, CancellationToken cancellation) =>
        Inspect(name, cancellation) is { } inspect
            ? inspect.Id ?? throw new DockerEngineException(_where, $"the engine's answer about {name} has no Id")
            : null;

    /// <summary>What the engine says about the image (id, platform), or null when it has no such image.</summary>
    public DockerImageInspectJson? Inspect(string name, CancellationToken cancellation)
    {
        using var response = Send($"images/{name}/json", cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        EnsureSuccess(response, $"GET /images/{name}/json", cancellation);
        return ReadJson(response, DockerEngineJsonContext.Default.DockerImageInspectJson, "image inspect", cancellation);
    }

    /// <summary>
    /// The engine's export of the image (what <c>docker save</c> writes), as a stream read while the engine writes it;
    /// disposing it ends the request. Null when the engine has no such image.
    /// </summary>
    public Stream? Export(string name, CancellationToken cancellation)
    {
        var response = Send($"images/{name}/get", cancellation);
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                response.Dispose();
                return null;
            }
            EnsureSuccess(response, $"GET /images/{name}/get", cancellation);
            return new ResponseStream(response, response.Content.ReadAsStream(cancellation));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private HttpResponseMessage Send(string path, CancellationToken cancellation)
    {
        _apiPrefix ??= NegotiateVersion(cancellation);
        return SendRaw(_apiPrefix + path, cancellation);
    }

    /// <summary>
    /// "v1.41/" when the engine accepts it, else the nearest version it does accept (an older engine's newest, a newer
    /// engine's oldest); unversioned when the engine does not say. The few endpoints used here have not changed since 1.24.
    /// </summary>
    private string NegotiateVersion(CancellationToken cancellation)
    {
        using var response = SendRaw("version", cancellation);
        EnsureSuccess(response, "GET /version", cancellation);
        var version = ReadJson(response, DockerEngineJsonContext.Default.DockerVersionJson, "version", cancellation);
        if (!Version.TryParse(version.ApiVersion, out var newest))
            return "";
        var chosen = newest < Preferred ? newest
            : Version.TryParse(version.MinApiVersion, out var oldest) && oldest > Preferred ? oldest
            : Preferred;
        return $"v{chosen.Major}.{chosen.Minor}/";
    }

    private HttpResponseMessage SendRaw(string path, CancellationToken cancellation)
    {
        // The host name is not used to connect (the socket is), but HTTP/1.1 needs one; the engine ignores it.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://docker/" + path, UriKind.Absolute));
        try
        {
            return _http.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e);
        }
    }

    private static Stream Connect(string socketPath)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // A local socket connects at once or fails at once; there is no network to wait for.
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private DockerEngineException Unreachable(HttpRequestException e)
    {
        var socket = _endpoint.Description;
        var problem = FindSocketError(e) switch
        {
            _ when !File.Exists(_endpoint.SocketPath) =>
                $"no Docker engine at {socket}: the socket does not exist (start dockerd, or set DOCKER_HOST=unix://PATH)",
            SocketError.AccessDenied =>
                $"cannot connect to the Docker engine at {socket}: permission denied (run as root or as a member of the docker group)",
            SocketError.ConnectionRefused =>
                $"no Docker engine answers at {socket}: the socket is there but nothing listens (start dockerd)",
            { } code => $"cannot connect to the Docker engine at {socket}: {code}",
            null => $"the Docker engine at {socket} did not answer over HTTP: {e.Message}",
        };
        return new DockerEngineException(_where, problem, e);
    }

    private static SocketError? FindSocketError(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
                return socket.SocketErrorCode;
        }
        return null;
    }

    private void EnsureSuccess(HttpResponseMessage response, string request, CancellationToken cancellation)
    {
        if (response.IsSuccessStatusCode)
            return;
        string? message = null;
        try
        {
            var body = ReadCapped(response, MaxErrorBodyBytes, cancellation);
            message = JsonSerializer.Deserialize(body, DockerEngineJsonContext.Default.DockerErrorJson)?.Message;
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
        {
            // The status line alone still says what went wrong.
        }
        throw new DockerEngineException(_where,
            $"the engine at {_endpoint.Description} answered {request} with {(int)response.StatusCode} {response.ReasonPhrase}{(string.IsNullOrWhiteSpace(message) ? "" : ": " + message.Trim())}");
    }

    private T ReadJson<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what, CancellationToken cancellation)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(ReadCapped(response, MaxJsonBytes, cancellation), type)
                ?? throw new DockerEngineException(_where, $"the engine at {_endpoint.Description} answered the {what} request with JSON null");
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
        {
            throw new DockerEngineException(_where, $"the engine at {_endpoint.Description} gave an unreadable {what} answer: {e.Message}", e);
        }
    }

    private byte[] ReadCapped(HttpResponseMessage response, int cap, CancellationToken cancellation)
    {
        using var stream = response.Content.ReadAsStream(cancellation);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > cap)
                throw new DockerEngineException(_where, $"the engine at {_endpoint.Description} sent an answer larger than {cap / 1024} KiB where a small JSON document was expected");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The response body; disposing it also releases the response (and so the connection).</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream body) : Layers.ReadOnlyPassThroughStream
    {
        public override int Read(Span<byte> buffer) => body.Read(buffer);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                body.Dispose();
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
