namespace Stagecraft.Syntax;

/// <summary>
/// The text BuildKit sees for one instruction: its physical lines joined with continuations, comment lines and
/// blank continuation lines removed. Keeps a map from every logical byte back to its byte in the file.
/// </summary>
internal sealed class LogicalLine
{
    private readonly List<Segment> _segments = new(4);
    private byte[] _buffer;
    private int _length;

    private readonly int _origin;

    /// <param name="origin">Where the instruction's text starts in the file; empty logical lines map there.</param>
    public LogicalLine(int origin, int capacity = 128)
    {
        _origin = origin;
        _buffer = new byte[Math.Max(16, capacity)];
    }

    public int Length => _length;

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    public void Append(ReadOnlySpan<byte> source, int sourceStart, int length)
    {
        if (length <= 0)
            return;
        if (_length + length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + length));
        source.Slice(sourceStart, length).CopyTo(_buffer.AsSpan(_length));
        _segments.Add(new Segment(_length, sourceStart, length));
        _length += length;
    }

    /// <summary>Source offset of the logical byte at <paramref name="logical"/> (or just past the last byte).</summary>
    public int ToSourceStart(int logical)
    {
        if (_segments.Count == 0)
            return _origin;
        if (logical >= _length)
        {
            var last = _segments[^1];
            return last.SourceStart + last.Length;
        }
        var segment = _segments[Find(logical)];
        return segment.SourceStart + (logical - segment.LogicalStart);
    }

    /// <summary>Source offset just after the logical byte before <paramref name="logical"/>, so a span never ends past a continuation it does not include.</summary>
    public int ToSourceEnd(int logical)
    {
        if (logical <= 0)
            return ToSourceStart(0);
        return ToSourceStart(logical - 1) + 1;
    }

    public TextSpan ToSourceSpan(int logicalStart, int logicalEnd)
    {
        var start = ToSourceStart(logicalStart);
        if (logicalEnd <= logicalStart)
            return new TextSpan(start, 0);
        return TextSpan.FromBounds(start, ToSourceEnd(logicalEnd));
    }

    public string Text(int start, int end) => SourceText.Decode(_buffer.AsSpan(start, end - start));

    private int Find(int logical)
    {
        int lo = 0, hi = _segments.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_segments[mid].LogicalStart <= logical)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }

    private readonly record struct Segment(int LogicalStart, int SourceStart, int Length);
}
