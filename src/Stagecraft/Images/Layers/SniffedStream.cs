namespace Stagecraft.Images.Layers;

/// <summary>Reads a stream's first bytes for magic-number detection, then replays them ahead of the rest.</summary>
internal sealed class SniffedStream : ReadOnlyPassThroughStream
{
    private readonly Stream _inner;
    private readonly byte[] _head;
    private readonly int _headLength;
    private int _headPosition;

    private SniffedStream(Stream inner, byte[] head, int headLength)
    {
        _inner = inner;
        _head = head;
        _headLength = headLength;
    }

    /// <summary>The bytes read ahead (fewer than asked for when the stream is shorter).</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headLength);

    public static SniffedStream Sniff(Stream inner, int count)
    {
        var head = new byte[count];
        var length = inner.ReadAtLeast(head, count, throwOnEndOfStream: false);
        return new SniffedStream(inner, head, length);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_headPosition < _headLength)
        {
            var count = Math.Min(buffer.Length, _headLength - _headPosition);
            _head.AsSpan(_headPosition, count).CopyTo(buffer);
            _headPosition += count;
            return count;
        }
        return _inner.Read(buffer);
    }
}
