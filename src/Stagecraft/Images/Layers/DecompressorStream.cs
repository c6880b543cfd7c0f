using ZstdSharp;

namespace Stagecraft.Images.Layers;

/// <summary>Marks failures of the decompressor, so they read as "corrupt gzip" rather than as a broken tar header.</summary>
internal sealed class DecompressorStream(Stream decompressor) : ReadOnlyPassThroughStream
{
    public override int Read(Span<byte> buffer)
    {
        try
        {
            return decompressor.Read(buffer);
        }
        catch (Exception e) when (e is InvalidDataException or ZstdException or EndOfStreamException)
        {
            throw new CompressedDataException(e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            decompressor.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The decompressor rejected the data (or it ended mid-frame).</summary>
internal sealed class CompressedDataException(Exception inner) : Exception(inner.Message, inner)
{
    public bool Truncated => InnerException is EndOfStreamException;
}
