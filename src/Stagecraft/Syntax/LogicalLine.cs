namespace Stagecraft.Syntax;

/// <summary>
/// The text BuildKit sees for one instruction: its physical lines joined with continuations, comment lines and
/// blank continuation lines removed. Keeps a map from every logical byte back to its byte in the file.
/// </summary>
/// <remarks>
/// <see cref="Freeze"/> ends reading and compacts the segment map. The joined bytes are kept: rules read argument text
/// often, and decoding it again from the file's segments would cost more than the copy.
/// </remarks>
internal sealed class LogicalLine
{
    private readonly byte[] _source;
    private readonly int _origin;
    private List<Segment>? _building;
    private Segment[]? _segments = [];
    // Most instructions are one line: their one segment is kept here, without an array.
    private Segment _single;
    private byte[]? _buffer;
    private int _length;

    /// <param name="source">The file's bytes.</param>
    /// <param name="origin">Where the instruction's text starts in the file; empty logical lines map there.</param>
    /// <param name="scratch">A list to build the segment map in, reused from instruction to instruction (cleared here); <see cref="Freeze"/> lets go of it.</param>
    public LogicalLine(byte[] source, int origin, List<Segment>? scratch = null)
    {
        _source = source;
        _origin = origin;
        _building = scratch ?? new List<Segment>(2);
        _building.Clear();
    }

    public int Length => _length;

    /// <summary>The joined bytes.</summary>
    public ReadOnlySpan<byte> Bytes
    {
        get
        {
            var (array, start) = Contiguous;
            return array.AsSpan(start, _length);
        }
    }

    /// <summary>
    /// An array holding the joined bytes from <c>Start</c> on: the file itself when the line is one piece of it (most
    /// instructions are one physical line, so nothing is copied), else <see cref="Buffer"/>.
    /// </summary>
    public (byte[] Array, int Start) Contiguous
    {
        get
        {
            var segments = Segments;
            if (segments.Length == 0)
                return (_source, _origin);
            if (segments.Length == 1)
                return (_source, segments[0].SourceStart);
            return (Buffer, 0);
        }
    }

    /// <summary>The backing array (valid up to <see cref="Length"/>), so readers need not copy it.</summary>
    public byte[] Buffer
    {
        get
        {
            // Joined once, at its exact size, when first read (after the last line is appended): growing a buffer line by
            // line was a fifth of the parser's allocations.
            if (_buffer is null || _buffer.Length < _length)
            {
                var buffer = new byte[Math.Max(_length, 1)];
                foreach (var segment in Segments)
                    _source.AsSpan(segment.SourceStart, segment.Length).CopyTo(buffer.AsSpan(segment.LogicalStart));
                _buffer = buffer;
            }
            return _buffer;
        }
    }

    public void Append(int sourceStart, int length)
    {
        if (length <= 0)
            return;
        if (_building is null)
            throw new InvalidOperationException("the logical line was frozen");
        _building.Add(new Segment(_length, sourceStart, length));
        _length += length;
    }

    /// <summary>Ends reading: the segment map becomes a compact array.</summary>
    public void Freeze()
    {
        if (_building is null)
            return;
        if (_building.Count == 1)
        {
            _single = _building[0];
            _segments = null;
        }
        else
        {
            _segments = _building.ToArray();
        }
        _building = null;
    }

    private ReadOnlySpan<Segment> Segments => _building is not null
        ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_building)
        : _segments ?? new ReadOnlySpan<Segment>(in _single);

    /// <summary>Source offset of the logical byte at <paramref name="logical"/> (or just past the last byte).</summary>
    public int ToSourceStart(int logical)
    {
        var segments = Segments;
        if (segments.IsEmpty)
            return _origin;
        if (logical >= _length)
        {
            var last = segments[^1];
            return last.SourceStart + last.Length;
        }
        var segment = segments[Find(segments, logical)];
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

    /// <summary>Decodes a logical range, from the buffer while reading or from the file's bytes afterwards.</summary>
    public string Text(int start, int end)
    {
        if (end <= start)
            return "";
        if (_buffer is not null && _buffer.Length >= _length)
            return SourceText.Decode(_buffer.AsSpan(start, end - start));
        var segments = Segments;
        var first = Find(segments, start);
        var firstSegment = segments[first];
        if (end <= firstSegment.LogicalStart + firstSegment.Length)
            return SourceText.Decode(_source.AsSpan(firstSegment.SourceStart + (start - firstSegment.LogicalStart), end - start));
        var bytes = new byte[end - start];
        var written = 0;
        for (var i = first; i < segments.Length && written < bytes.Length; i++)
        {
            var segment = segments[i];
            var from = Math.Max(start, segment.LogicalStart);
            var to = Math.Min(end, segment.LogicalStart + segment.Length);
            if (to <= from)
                continue;
            _source.AsSpan(segment.SourceStart + (from - segment.LogicalStart), to - from).CopyTo(bytes.AsSpan(written));
            written += to - from;
        }
        return SourceText.Decode(bytes.AsSpan(0, written));
    }

    private static int Find(ReadOnlySpan<Segment> segments, int logical)
    {
        int lo = 0, hi = segments.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (segments[mid].LogicalStart <= logical)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }

    internal readonly record struct Segment(int LogicalStart, int SourceStart, int Length);
}
