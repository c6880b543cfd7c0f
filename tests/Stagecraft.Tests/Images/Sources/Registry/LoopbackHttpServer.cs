using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stagecraft.Tests.Images.Sources.Registry;

/// <summary>What the server does to one blob download: cut the connection, or go quiet, after some bytes of the body.</summary>
internal sealed record BlobFault(int AfterBytes, bool Stall);

/// <summary>
/// A plain-HTTP/1.1 server on 127.0.0.1 in front of a <see cref="FakeRegistry"/>, so the real SocketsHttpHandler is
/// exercised: TLS attempts are refused as a plain-HTTP registry refuses them, and blob bodies can be cut or stalled
/// at the socket. One request per connection.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly HttpMessageInvoker _registry;
    private readonly CancellationTokenSource _stop = new();
    private int _blobRequests;

    public LoopbackHttpServer(Func<string, FakeRegistry> registryAt)
    {
        _listener.Start();
        Authority = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        Registry = registryAt(Authority);
        _registry = new HttpMessageInvoker(Registry, disposeHandler: false);
        _ = Task.Run(AcceptLoop);
    }

    public string Authority { get; }

    public FakeRegistry Registry { get; }

    /// <summary>Decides the fault for the Nth blob download (1-based); null serves it whole.</summary>
    public Func<int, BlobFault?> BlobFaults { get; set; } = _ => null;

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => Serve(socket));
        }
    }

    private async Task Serve(Socket socket)
    {
        using var _ = socket;
        using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            var head = await ReadHead(stream);
            if (head is null)
            {
                // A TLS ClientHello on a plain-HTTP port: answer in plain text and hang up, as Go's server does.
                await stream.WriteAsync("HTTP/1.0 400 Bad Request\r\n\r\n"u8.ToArray(), _stop.Token);
                return;
            }
            var lines = head.Split("\r\n");
            var parts = lines[0].Split(' ');
            var request = new HttpRequestMessage(new HttpMethod(parts[0]), new Uri($"http://{Authority}{parts[1]}"));
            foreach (var line in lines.Skip(1).Where(l => l.Contains(':')))
            {
                var colon = line.IndexOf(':');
                request.Headers.TryAddWithoutValidation(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
            using var response = await _registry.SendAsync(request, _stop.Token);
            var body = response.Content is null ? [] : await response.Content.ReadAsByteArrayAsync(_stop.Token);
            var fault = parts[1].Contains("/blobs/", StringComparison.Ordinal) && response.IsSuccessStatusCode
                ? BlobFaults(Interlocked.Increment(ref _blobRequests))
                : null;
            var header = new StringBuilder($"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
            foreach (var (name, values) in response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            {
                if (name != "Content-Length")
                    header.Append(name).Append(": ").Append(string.Join(", ", values)).Append("\r\n");
            }
            header.Append($"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(header.ToString()), _stop.Token);
            if (fault is null)
            {
                await stream.WriteAsync(body, _stop.Token);
                return;
            }
            await stream.WriteAsync(body.AsMemory(0, Math.Min(fault.AfterBytes, body.Length)), _stop.Token);
            await stream.FlushAsync(_stop.Token);
            if (fault.Stall)
                await Task.Delay(TimeSpan.FromSeconds(30), _stop.Token);
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up or the test ended.
        }
    }

    /// <summary>The request line and headers; null when the client opened with a TLS handshake instead.</summary>
    private async Task<string?> ReadHead(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, _stop.Token) == 1)
        {
            if (bytes.Count == 0 && one[0] == 0x16)
                return null;
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
                return Encoding.ASCII.GetString(bytes.ToArray(), 0, bytes.Count - 4);
        }
        throw new IOException("the client closed the connection before a full request");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _registry.Dispose();
        Registry.Dispose();
    }
}
