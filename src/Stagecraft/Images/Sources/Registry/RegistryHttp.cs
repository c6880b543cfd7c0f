using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// The HTTP side of one registry open: one <see cref="HttpClient"/>, HTTPS by default (plain HTTP for loopback
/// registries or with --insecure, when the TLS handshake fails), redirects followed by hand so the registry's
/// Authorization header never reaches another host. Requests are synchronous: blobs are read on the layer workers'
/// own threads, and synchronous socket reads need no thread-pool thread to complete.
/// </summary>
internal sealed class RegistryHttp : IDisposable
{
    private const int MaxRedirects = 5;

    private readonly HttpClient _client;
    private readonly RegistryEndpoint _endpoint;
    private readonly RegistrySettings _settings;
    private readonly List<string> _notes;
    private readonly string _registryHost;
    private readonly int? _registryPort;
    private volatile string _scheme = "https";
    private volatile bool _schemeSettled;

    public RegistryHttp(RegistryEndpoint endpoint, RegistrySettings settings, bool insecure, List<string> notes)
    {
        _endpoint = endpoint;
        _settings = settings;
        _notes = notes;
        PlainHttpAllowed = insecure || endpoint.IsLoopback;
        var authority = new Uri("https://" + endpoint.Authority);
        _registryHost = authority.Host;
        _registryPort = authority.IsDefaultPort ? null : authority.Port;
        var handler = settings.Handler?.Invoke() ?? CreateHandler(settings, skipCertificateCheck: PlainHttpAllowed);
        _client = new HttpClient(handler, disposeHandler: settings.Handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("stagecraft", "1"));
    }

    /// <summary>Loopback registries and --insecure: plain HTTP and unverified certificates are accepted.</summary>
    public bool PlainHttpAllowed { get; }

    /// <summary>A URI on the registry, with the scheme found to work.</summary>
    public Uri RegistryUri(string pathAndQuery) => _endpoint.Uri(_scheme, pathAndQuery);

    /// <summary>True for the registry's own host and port (the only place its Authorization header is sent).</summary>
    public bool IsRegistry(Uri uri) =>
        string.Equals(uri.Host, _registryHost, StringComparison.OrdinalIgnoreCase) && (_registryPort is { } port ? uri.Port == port : uri.IsDefaultPort);

    /// <summary>
    /// Sends the request (headers only read), following redirects; <paramref name="authorization"/> goes only to the
    /// registry's own host. A request built for the registry gets the other scheme rebuilt when HTTPS turns out not to be spoken.
    /// </summary>
    public HttpResponseMessage Send(Func<HttpRequestMessage> build, AuthenticationHeaderValue? authorization, CancellationToken cancellation)
    {
        var request = build();
        var onRegistry = !request.RequestUri!.IsAbsoluteUri;
        if (onRegistry)
            request.RequestUri = RegistryUri(request.RequestUri.OriginalString);
        for (var hop = 0; ; hop++)
        {
            var response = SendOnce(request, authorization, onRegistry && hop == 0 ? build : null, cancellation);
            if (!IsRedirect(response.StatusCode))
                return response;
            var from = response.RequestMessage?.RequestUri ?? request.RequestUri!;
            var location = response.Headers.Location;
            var status = (int)response.StatusCode;
            response.Dispose();
            if (location is null)
                throw new HttpRedirectException($"answered a redirect ({status}) without a Location");
            if (hop == MaxRedirects)
                throw new HttpRedirectException($"redirected more than {MaxRedirects} times");
            var target = location.IsAbsoluteUri ? location : new Uri(from, location);
            if (target.Scheme is not ("https" or "http"))
                throw new HttpRedirectException($"redirected to a {target.Scheme}: address");
            if (from.Scheme == "https" && target.Scheme == "http" && !PlainHttpAllowed && !RegistryEndpoint.IsLoopbackHost(target.Host))
                throw new HttpRedirectException($"redirected from HTTPS to plain HTTP ({target.Host}); use --insecure to allow it");
            var next = new HttpRequestMessage(request.Method == HttpMethod.Head ? HttpMethod.Head : HttpMethod.Get, target);
            foreach (var header in request.Headers)
            {
                if (header.Key is not "Authorization")
                    next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            request.Dispose();
            request = next;
        }
    }

    private HttpResponseMessage SendOnce(HttpRequestMessage request, AuthenticationHeaderValue? authorization, Func<HttpRequestMessage>? rebuild, CancellationToken cancellation)
    {
        // Only the registry's own host gets its Authorization (a token request carries its own; a redirect drops both).
        if (authorization is not null && IsRegistry(request.RequestUri!))
            request.Headers.Authorization = authorization;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(_settings.ResponseTimeout);
        try
        {
            var response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (IsRegistry(request.RequestUri!))
                _schemeSettled = true;
            return response;
        }
        catch (HttpRequestException e) when (rebuild is not null && !_schemeSettled && PlainHttpAllowed && _scheme == "https"
            && e.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            _scheme = "http";
            _schemeSettled = true;
            _notes.Add($"{_endpoint.Name} does not speak HTTPS; read over plain HTTP ({(_endpoint.IsLoopback ? "allowed for a loopback registry" : "--insecure")})");
            request.Dispose();
            var retry = rebuild();
            retry.RequestUri = RegistryUri(retry.RequestUri!.OriginalString);
            return SendOnce(retry, authorization, null, cancellation);
        }
        catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {_settings.ResponseTimeout.TotalSeconds:0} s", e);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static SocketsHttpHandler CreateHandler(RegistrySettings settings, bool skipCertificateCheck)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = settings.ConnectTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = (context, cancellation) => Connect(context, settings.ReadIdleTimeout, cancellation),
        };
        if (skipCertificateCheck)
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        return handler;
    }

    /// <summary>
    /// Opens the TCP connection with a receive timeout: the synchronous reads of a blob download then fail with an
    /// IOException when the server goes quiet, which the blob stream treats as a dropped connection.
    /// </summary>
    private static async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, TimeSpan idle, CancellationToken cancellation)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = (int)Math.Min(idle.TotalMilliseconds, int.MaxValue),
        };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellation).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>A redirect the client will not follow; reported as the registry's failure, never retried.</summary>
internal sealed class HttpRedirectException(string message) : Exception(message);
