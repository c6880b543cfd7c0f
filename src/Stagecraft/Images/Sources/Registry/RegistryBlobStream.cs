using System.Net;
using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// A layer blob read straight from the registry's HTTP response, nothing kept on disk. When the connection drops or
/// goes quiet mid-blob, the download resumes where the reader is — by a Range request, or from the start skipping the
/// bytes already handed on when the registry ignores ranges — so the reader's digest sees every byte exactly once.
/// Drops are bounded by the retry policy; a registry that sends more bytes than the manifest promises is refused at once.
/// </summary>
internal sealed class RegistryBlobStream(RegistryClient client, BlobDigest digest, long? expectedSize, string where) : ReadOnlyPassThroughStream
{
    private const int SkipBufferSize = 64 * 1024;

    private HttpResponseMessage? _response;
    private Stream? _body;
    private long _delivered;
    private int _drops;

    /// <summary>Times the download was started again after a drop (for tests and notes).</summary>
    public int Restarts => _drops;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
            return 0;
        while (true)
        {
            int read;
            try
            {
                _body ??= Open();
                read = _body.Read(buffer);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                Dropped("the connection dropped: " + RegistryClient.Describe(e));
                continue;
            }
            if (read == 0)
            {
                if (expectedSize is { } size && _delivered < size)
                {
                    Dropped($"the download ended after {_delivered:N0} of {size:N0} bytes");
                    continue;
                }
                return 0;
            }
            if (expectedSize is { } limit && _delivered + read > limit)
                throw new DigestMismatchException(where, $"the registry sends more than the {limit:N0} bytes the manifest says");
            _delivered += read;
            return read;
        }
    }

    private Stream Open()
    {
        var offset = _delivered;
        var response = client.OpenBlob(digest, offset, where);
        _response = response;
        var body = response.Content.ReadAsStream();
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = response.Content.Headers.ContentRange;
            if (range?.From != offset)
                throw new RegistryException(where, $"{client.Endpoint.Name} answered a request for the bytes from {offset:N0} with the bytes from {range?.From?.ToString("N0") ?? "an unstated offset"}");
            if (range.Length is { } total && expectedSize is { } size && total != size)
                throw new DigestMismatchException(where, $"the registry has {total:N0} bytes but the manifest says {size:N0}");
            return body;
        }
        if (response.Content.Headers.ContentLength is { } length && expectedSize is { } expected && length != expected)
            throw new DigestMismatchException(where, $"the registry sends {length:N0} bytes but the manifest says {expected:N0}");
        Skip(body, offset);
        return body;
    }

    /// <summary>The registry ignored the Range header: read past what the reader already has.</summary>
    private static void Skip(Stream body, long count)
    {
        if (count == 0)
            return;
        var buffer = new byte[(int)Math.Min(SkipBufferSize, count)];
        while (count > 0)
        {
            var read = body.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
                throw new IOException($"the download ended {count:N0} bytes before the point to resume from");
            count -= read;
        }
    }

    private void Dropped(string failure)
    {
        Release();
        _drops++;
        var policy = client.Settings.Retries;
        if (_drops >= policy.MaxAttempts)
            throw new RegistryException(where, $"gave up after {_drops} tries: {failure}");
        policy.Sleep(policy.Backoff(_drops), client.Cancellation);
    }

    private void Release()
    {
        _body?.Dispose();
        _response?.Dispose();
        _body = null;
        _response = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Release();
        base.Dispose(disposing);
    }
}
