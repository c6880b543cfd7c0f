using System.Security.Cryptography;

namespace Stagecraft.Images.Layers;

/// <summary>Hashes and counts every byte read through it, so a blob is verified in the same pass that reads it.</summary>
internal sealed class DigestingStream(Stream inner, string algorithm, ExpansionMeter? meter = null, ReadProgress.LayerProgress? progress = null)
    : ReadOnlyPassThroughStream
{
    private readonly IncrementalHash _hash = BlobDigest.CreateHash(algorithm);

    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (read > 0)
        {
            _hash.AppendData(buffer[..read]);
            BytesRead += read;
            meter?.Add(read);
            progress?.Add(read);
        }
        return read;
    }

    /// <summary>The digest of everything read so far (call once, after draining).</summary>
    public BlobDigest Finish()
    {
        Span<byte> result = stackalloc byte[64];
        var length = _hash.GetHashAndReset(result);
        return BlobDigest.FromHash(algorithm, result[..length]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _hash.Dispose();
        base.Dispose(disposing);
    }
}
