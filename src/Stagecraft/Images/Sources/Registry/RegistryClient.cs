using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// Talks the OCI distribution API to one repository for one open: manifests and blobs, answering auth challenges,
/// retrying with backoff on 429, 5xx, timeouts and dropped connections, and turning every final failure into a
/// one-line <see cref="RegistryException"/> that names the reference, the manifest or blob, and how many tries were made.
/// </summary>
internal sealed class RegistryClient : IDisposable
{
    private const int MaxErrorBodyBytes = 64 << 10;

    private static readonly string ManifestAccept = string.Join(", ",
        ManifestMediaTypes.OciIndex, ManifestMediaTypes.DockerManifestList, ManifestMediaTypes.OciManifest, ManifestMediaTypes.DockerManifest);

    private readonly RegistryHttp _http;
    private readonly RegistryAuthenticator _auth;
    private readonly CancellationToken _cancellation;

    public RegistryClient(RegistryEndpoint endpoint, string repository, string display, RegistrySettings settings, bool insecure,
        CancellationToken cancellation, List<string> notes)
    {
        Endpoint = endpoint;
        Repository = repository;
        Display = display;
        Settings = settings;
        _cancellation = cancellation;
        _http = new RegistryHttp(endpoint, settings, insecure, notes);
        _auth = new RegistryAuthenticator(this, endpoint, repository, settings, display);
    }

    public RegistryEndpoint Endpoint { get; }

    public string Repository { get; }

    /// <summary>The reference as the user gave it, for messages.</summary>
    public string Display { get; }

    public RegistrySettings Settings { get; }

    internal bool PlainHttpAllowed => _http.PlainHttpAllowed;

    /// <summary>Stops the open (Ctrl+C); waits between tries end early with it.</summary>
    public CancellationToken Cancellation => _cancellation;

    /// <summary>A manifest or index by tag or digest: its bytes (at most <see cref="JsonBlobs.MaxBytes"/>), Content-Type and Docker-Content-Digest.</summary>
    public (byte[] Body, string? ContentType, string? DigestHeader) GetManifest(string reference, string where) =>
        Send(() => Get($"/v2/{Repository}/manifests/{reference}", ManifestAccept), where, response =>
        {
            EnsureSuccess(response, where, reference.Contains(':') ? $"manifest {reference}" : $"tag {reference}");
            var body = ReadSmallBody(response, where, "manifest");
            var digest = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
            return (body, response.Content.Headers.ContentType?.MediaType, digest);
        });

    /// <summary>A small blob (an image config), whole.</summary>
    public byte[] GetBlobBytes(BlobDigest digest, string where) =>
        Send(() => Get(BlobPath(digest), null), where, response =>
        {
            EnsureSuccess(response, where, $"blob {digest}");
            return ReadSmallBody(response, where, "config");
        });

    /// <summary>A blob's response with its body still to be read: from the start, or from <paramref name="offset"/> by a Range request (the registry may ignore it and answer 200).</summary>
    public HttpResponseMessage OpenBlob(BlobDigest digest, long offset, string where) =>
        Send(() =>
        {
            var request = Get(BlobPath(digest), null);
            if (offset > 0)
                request.Headers.Range = new RangeHeaderValue(offset, null);
            return request;
        }, where, response =>
        {
            EnsureSuccess(response, where, $"blob {digest}");
            return response;
        });

    /// <summary>
    /// Sends a request built afresh for each try and hands the response to <paramref name="consume"/> (which owns it
    /// on success). Answers one auth challenge per request; retries 408/429/5xx (waiting Retry-After when given),
    /// timeouts and connection failures — also those <paramref name="consume"/> meets while reading the body.
    /// </summary>
    public T Send<T>(Func<HttpRequestMessage> build, string where, Func<HttpResponseMessage, T> consume, bool authenticate = true)
    {
        var policy = Settings.Retries;
        var failures = 0;
        var challengeAnswered = false;
        while (true)
        {
            _cancellation.ThrowIfCancellationRequested();
            HttpResponseMessage? response = null;
            TimeSpan? wait = null;
            string failure;
            try
            {
                var generation = _auth.Generation;
                response = _http.Send(build, authenticate ? _auth.Current : null, _cancellation);
                if (response.StatusCode == HttpStatusCode.Unauthorized && authenticate && !challengeAnswered)
                {
                    challengeAnswered = true;
                    _auth.Answer(response, generation);
                    response.Dispose();
                    continue;
                }
                if (!IsTransient(response.StatusCode))
                    return consume(response);
                failure = "the registry answered " + Status(response);
                wait = RetryAfter(response);
                if (wait > policy.MaxRetryAfter)
                    throw new RegistryException(where, $"{failure} and asks to be asked again in {wait.Value.TotalSeconds:N0} s; try again later");
                response.Dispose();
            }
            catch (HttpRequestException e) when (IsTransient(e))
            {
                response?.Dispose();
                failure = "the connection failed: " + Describe(e);
            }
            catch (IOException e)
            {
                response?.Dispose();
                failure = "the connection dropped: " + Describe(e);
            }
            catch (TimeoutException e)
            {
                response?.Dispose();
                failure = e.Message;
            }
            catch (HttpRequestException e)
            {
                response?.Dispose();
                throw new RegistryException(where, $"cannot reach {Endpoint.Authority}: {Describe(e)}", e);
            }
            catch (HttpRedirectException e)
            {
                throw new RegistryException(where, $"{Endpoint.Authority} {e.Message}", e);
            }
            catch
            {
                response?.Dispose();
                throw;
            }
            failures++;
            if (failures >= policy.MaxAttempts)
                throw new RegistryException(where, $"gave up after {failures} tries: {failure}");
            policy.Sleep(wait ?? policy.Backoff(failures), _cancellation);
        }
    }

    /// <summary>Maps a final non-success answer to a one-line error; <paramref name="what"/> names what was asked for ("tag 1", "blob sha256:…").</summary>
    public void EnsureSuccess(HttpResponseMessage response, string where, string what)
    {
        if (response.IsSuccessStatusCode)
            return;
        var detail = ErrorDetail(response);
        var problem = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => _auth.CredentialSource is { } source
                ? $"{Endpoint.Name} refused the credentials from {source}{detail}"
                : $"{Endpoint.Name} refuses anonymous access to {Repository}{detail}: it may not exist, or it needs a login and {_auth.ConfigFile} has no credentials for {Endpoint.Name} (docker login {Endpoint.Name})",
            HttpStatusCode.Forbidden => $"{Endpoint.Name} denies access to {Repository}{detail}",
            HttpStatusCode.NotFound => $"{Endpoint.Name} has no {what} in {Repository}{detail}",
            _ => $"{Endpoint.Name} answered {Status(response)} for {what}{detail}",
        };
        response.Dispose();
        throw new RegistryException(where, problem);
    }

    private static HttpRequestMessage Get(string path, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    private string BlobPath(BlobDigest digest) => $"/v2/{Repository}/blobs/{digest}";

    /// <summary>A JSON answer's body, whole, refusing one larger than <see cref="JsonBlobs.MaxBytes"/>; disposes the response.</summary>
    public byte[] ReadSmallBody(HttpResponseMessage response, string where, string what)
    {
        using (response)
        {
            if (response.Content.Headers.ContentLength is > JsonBlobs.MaxBytes and var length)
                throw new ImageLimitExceededException(where, $"is {ByteCount.Format(length)}, too large for a {what} (at most {ByteCount.Format(JsonBlobs.MaxBytes)})");
            using var body = response.Content.ReadAsStream(_cancellation);
            var bytes = ReadAtMost(body, JsonBlobs.MaxBytes + 1);
            if (bytes.Length > JsonBlobs.MaxBytes)
                throw new ImageLimitExceededException(where, $"is more than {ByteCount.Format(JsonBlobs.MaxBytes)}, too large for a {what}");
            return bytes;
        }
    }

    private static byte[] ReadAtMost(Stream stream, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    /// <summary>" (MANIFEST_UNKNOWN: manifest unknown)" from the distribution API's error body, or nothing.</summary>
    private string ErrorDetail(HttpResponseMessage response)
    {
        try
        {
            using var body = response.Content.ReadAsStream(_cancellation);
            var bytes = ReadAtMost(body, MaxErrorBodyBytes);
            var errors = JsonSerializer.Deserialize(bytes, RegistryJsonContext.Default.RegistryErrorsJson)?.Errors;
            var first = errors?.FirstOrDefault(e => e.Code is not null || e.Message is not null);
            if (first is null)
                return "";
            var text = string.Join(": ", new[] { first.Code, first.Message }.Where(part => !string.IsNullOrWhiteSpace(part)));
            return " (" + (text.Length > 200 ? text[..200] + "…" : text) + ")";
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException or NotSupportedException)
        {
            return "";
        }
    }

    internal static string Status(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}".TrimEnd();

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>Connection-level failures worth another try; a name that does not resolve or a certificate that does not verify will not change.</summary>
    internal static bool IsTransient(HttpRequestException e) =>
        e.HttpRequestError is not (HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
            or HttpRequestError.InvalidResponse or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.UserAuthenticationError
            or HttpRequestError.VersionNegotiationError or HttpRequestError.ProxyTunnelError);

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
            return date - DateTimeOffset.UtcNow is var until && until > TimeSpan.Zero ? until : TimeSpan.Zero;
        return null;
    }

    /// <summary>The failure's message on one line, shortened.</summary>
    internal static string Describe(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ").Trim();
        return message.Length > 200 ? message[..200] + "…" : message;
    }

    public void Dispose() => _http.Dispose();
}
