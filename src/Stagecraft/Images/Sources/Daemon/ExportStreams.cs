using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources.Daemon;

/// <summary>Counts what the engine has sent and notes when its stream ended, so a broken read can say "truncated".</summary>
internal sealed class ExportProgressStream(Stream inner) : ReadOnlyPassThroughStream
{
    public long BytesRead { get; private set; }

    public bool Ended { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (read == 0 && !buffer.IsEmpty)
            Ended = true;
        BytesRead += read;
        return read;
    }
}

/// <summary>
/// One member's data, read through the archive's reader: it refuses to end early (the tar reader's own member stream
/// just stops when the archive does), and disposing it leaves the archive stream alone.
/// </summary>
internal sealed class ExportMemberStream(Stream data, long length) : ReadOnlyPassThroughStream
{
    private long _position;

    public override int Read(Span<byte> buffer)
    {
        if (_position >= length || buffer.IsEmpty)
            return 0;
        var read = data.Read(buffer[..(int)Math.Min(buffer.Length, length - _position)]);
        if (read == 0)
            throw new EndOfStreamException($"the stream ended {length - _position:N0} bytes before the end of the member");
        _position += read;
        return read;
    }
}
