using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Stagecraft.Images.Sources;
using Stagecraft.Images.Sources.Registry;
using Stagecraft.Tests.Images.Layers;

namespace Stagecraft.Tests.Images.Sources.Registry;

/// <summary>How the fake registry wants clients to authenticate.</summary>
internal enum FakeAuth
{
    None,
    /// <summary>401 with a Bearer challenge; tokens from https://auth.test/token, anonymous unless <see cref="FakeRegistry.User"/> is set.</summary>
    Bearer,
    /// <summary>401 with a Basic challenge; <see cref="FakeRegistry.User"/> and <see cref="FakeRegistry.Password"/> required.</summary>
    Basic,
}

/// <summary>One request the fake saw.</summary>
internal sealed record SeenRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Range, string? Accept, string? Body)
{
    public string PathAndQuery => Uri.PathAndQuery;
}

/// <summary>
/// An OCI distribution registry (and its token service and blob storage) in process, as an HttpMessageHandler:
/// serves manifests by tag and digest, blobs with Range support, and lets a test break any answer through
/// <see cref="Intercept"/>. Records every request, so tests can check what was sent where.
/// </summary>
internal sealed class FakeRegistry : HttpMessageHandler
{
    public const string TokenRealm = "https://auth.test/token";
    public const string StorageHost = "storage.test";

    private readonly Dictionary<string, (byte[] Body, string MediaType)> _manifests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private int _tokensIssued;

    public FakeRegistry(string authority = "registry.test") => Authority = authority;

    public string Authority { get; }

    public FakeAuth Auth { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Refresh token the token service accepts on its OAuth2 POST.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Blob GETs on the registry answer 307 to <see cref="StorageHost"/>.</summary>
    public bool RedirectBlobs { get; set; }

    public bool SupportsRanges { get; set; } = true;

    /// <summary>Answers a request before the fake does (null: let the fake answer). Called for every request, token and storage ones included.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?>? Intercept { get; set; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public int TokensIssued => _tokensIssued;

    public IEnumerable<SeenRequest> RegistryRequests => Requests.Where(r => r.Uri.Authority == Authority);

    /// <summary>Settings that route the registry client here, with no real waits between tries; <paramref name="sleeps"/> collects the waits asked for.</summary>
    public RegistrySettings Settings(string configDirectory, List<TimeSpan>? sleeps = null, string? helperPath = null) => new()
    {
        Handler = () => this,
        DockerConfigDirectory = configDirectory,
        HelperSearchPath = helperPath ?? "",
        Retries = RetryPolicy.Default with
        {
            Sleep = (delay, _) =>
            {
                lock (this)
                    sleeps?.Add(delay);
            },
        },
    };

    public ImageSourceEnvironment Environment(string configDirectory, List<TimeSpan>? sleeps = null, string? helperPath = null) =>
        new() { Registry = Settings(configDirectory, sleeps, helperPath) };

    /// <summary>Puts every blob of <paramref name="files"/> into the registry and tags the manifest or index <paramref name="top"/>.</summary>
    public void Push(string repository, string tag, ImageFiles files, JsonObject top)
    {
        foreach (var (path, bytes) in files.Files)
        {
            if (path.StartsWith("blobs/sha256/", StringComparison.Ordinal))
                _blobs["sha256:" + path["blobs/sha256/".Length..]] = bytes;
        }
        var digest = (string)top["digest"]!;
        var mediaType = (string)top["mediaType"]!;
        foreach (var (path, bytes) in files.Files)
        {
            if (path == "blobs/sha256/" + digest["sha256:".Length..])
                _manifests[repository + "@" + digest] = (bytes, mediaType);
        }
        // Every manifest the files hold is reachable by digest, as a registry's would be.
        foreach (var (key, bytes) in _blobs)
        {
            if (IsManifestDocument(bytes, out var type))
                _manifests.TryAdd(repository + "@" + key, (bytes, type));
        }
        _manifests[repository + ":" + tag] = _manifests[repository + "@" + digest];
    }

    public byte[] Blob(string digest) => _blobs[digest];

    public void ReplaceBlob(string digest, byte[] bytes) => _blobs[digest] = bytes;

    public void ReplaceManifest(string repository, string reference, byte[] body)
    {
        var key = repository + (reference.StartsWith("sha256:", StringComparison.Ordinal) ? "@" : ":") + reference;
        _manifests[key] = (body, _manifests[key].MediaType);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content?.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult();
        Requests.Enqueue(new SeenRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(),
            request.Headers.Range?.ToString(), request.Headers.Accept.Count > 0 ? request.Headers.Accept.ToString() : null, body));
        if (Intercept?.Invoke(request) is { } intercepted)
            return Answer(request, intercepted);
        var uri = request.RequestUri!;
        if (uri.Authority == "auth.test")
            return Answer(request, Token(request, body));
        if (uri.Authority == StorageHost)
            return Answer(request, ServeBlob(request, uri.AbsolutePath["/blobs/".Length..]));
        if (uri.Authority != Authority)
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"Name or service not known ({uri.Host}:{uri.Port})");
        if (Unauthorized(request) is { } challenge)
            return Answer(request, challenge);
        return Answer(request, Serve(request));
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request, HttpResponseMessage response)
    {
        response.RequestMessage = request;
        return response;
    }

    private HttpResponseMessage? Unauthorized(HttpRequestMessage request)
    {
        var authorization = request.Headers.Authorization;
        switch (Auth)
        {
            case FakeAuth.Bearer when authorization is { Scheme: "Bearer", Parameter: { } token } && token.StartsWith("token-", StringComparison.Ordinal):
            case FakeAuth.Basic when authorization is { Scheme: "Basic" } && authorization.Parameter == BasicValue(User, Password):
            case FakeAuth.None:
                return null;
        }
        var response = Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "authentication required");
        var repository = Route(request.RequestUri!)?.Repository ?? "";
        response.Headers.WwwAuthenticate.Add(Auth == FakeAuth.Bearer
            ? new AuthenticationHeaderValue("Bearer", $"realm=\"{TokenRealm}\",service=\"{Authority}\",scope=\"repository:{repository}:pull\"")
            : new AuthenticationHeaderValue("Basic", "realm=\"fake registry\""));
        return response;
    }

    private HttpResponseMessage Token(HttpRequestMessage request, string? body)
    {
        var basic = request.Headers.Authorization;
        if (request.Method == HttpMethod.Post)
        {
            if (RefreshToken is null || body is null || !body.Contains("refresh_token=" + Uri.EscapeDataString(RefreshToken), StringComparison.Ordinal))
                return Error(HttpStatusCode.Unauthorized, "DENIED", "bad refresh token");
            return Json(new JsonObject { ["access_token"] = "token-" + Interlocked.Increment(ref _tokensIssued) });
        }
        if (User is not null && (basic?.Scheme != "Basic" || basic.Parameter != BasicValue(User, Password)))
            return Error(HttpStatusCode.Unauthorized, "DENIED", "credentials required");
        return Json(new JsonObject { ["token"] = "token-" + Interlocked.Increment(ref _tokensIssued), ["expires_in"] = 300 });
    }

    private HttpResponseMessage Serve(HttpRequestMessage request)
    {
        if (request.RequestUri!.AbsolutePath == "/v2/")
            return new HttpResponseMessage(HttpStatusCode.OK);
        if (Route(request.RequestUri) is not { } route)
            return Error(HttpStatusCode.NotFound, "NOT_FOUND", "no route");
        if (route.Kind == "manifests")
        {
            var key = route.Repository + (route.Reference.StartsWith("sha256:", StringComparison.Ordinal) ? "@" : ":") + route.Reference;
            if (!_manifests.TryGetValue(key, out var manifest))
                return Error(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN", "manifest unknown");
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(manifest.Body) };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
            response.Headers.TryAddWithoutValidation("Docker-Content-Digest", LayerTar.Sha256(manifest.Body));
            return response;
        }
        if (RedirectBlobs)
        {
            var redirect = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
            redirect.Headers.Location = new Uri($"https://{StorageHost}/blobs/{route.Reference}?signature=abc");
            return redirect;
        }
        return ServeBlob(request, route.Reference);
    }

    private HttpResponseMessage ServeBlob(HttpRequestMessage request, string digest)
    {
        if (!_blobs.TryGetValue(digest, out var blob))
            return Error(HttpStatusCode.NotFound, "BLOB_UNKNOWN", "blob unknown to registry");
        var from = request.Headers.Range?.Ranges.FirstOrDefault()?.From;
        if (from is > 0 && SupportsRanges)
        {
            var partial = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(blob, (int)from.Value, blob.Length - (int)from.Value) };
            partial.Content.Headers.ContentRange = new ContentRangeHeaderValue(from.Value, blob.Length - 1, blob.Length);
            return partial;
        }
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(blob) };
    }

    /// <summary>/v2/REPO/(manifests|blobs)/REFERENCE.</summary>
    private static (string Repository, string Kind, string Reference)? Route(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (!path.StartsWith("/v2/", StringComparison.Ordinal))
            return null;
        foreach (var kind in (string[])["manifests", "blobs"])
        {
            var marker = "/" + kind + "/";
            var at = path.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 4)
                return (path[4..at], kind, path[(at + marker.Length)..]);
        }
        return null;
    }

    public static HttpResponseMessage Error(HttpStatusCode status, string code, string message)
    {
        var errors = new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) };
        return new HttpResponseMessage(status) { Content = new StringContent(errors.ToJsonString(), Encoding.UTF8, "application/json") };
    }

    private static HttpResponseMessage Json(JsonObject json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json") };

    public static string BasicValue(string? user, string? password) => Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    private static bool IsManifestDocument(byte[] bytes, out string mediaType)
    {
        mediaType = "";
        try
        {
            if (JsonNode.Parse(bytes) is JsonObject { } json && json["mediaType"]?.GetValue<string>() is { } type
                && (type.Contains("manifest", StringComparison.Ordinal) || type.Contains("index", StringComparison.Ordinal)))
            {
                mediaType = type;
                return true;
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }
        return false;
    }
}

/// <summary>A response body that breaks off after some bytes, as a dropped connection does.</summary>
internal sealed class DroppingStream(byte[] bytes, int dropAfter) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => bytes.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= dropAfter)
            throw new IOException("Unable to read data from the transport connection: Connection reset by peer.");
        var take = Math.Min(count, dropAfter - _position);
        Array.Copy(bytes, _position, buffer, offset, take);
        _position += take;
        return take;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
