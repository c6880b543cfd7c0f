using System.Globalization;

namespace Stagecraft.Images.Layers;

/// <summary>
/// Passes a tar stream through unchanged while reading each header block as it goes by, so a metadata entry (PAX
/// extended header, GNU long name or link) larger than the cap is refused before System.Formats.Tar reads it:
/// .NET 10's TarReader buffers such an entry's whole data, sized by the header's claim, in one array.
/// </summary>
/// <remarks>
/// To stay in step with the reader it follows the tar layout exactly: a header block, the entry's data rounded up
/// to 512 bytes (a preceding PAX "size" record replaces the size field), the next header. Sequences the reader would
/// misread (a PAX header followed by another metadata header, old GNU sparse entries) are refused. Seeking forward
/// is passed on, so the same guard serves a seekable archive file being indexed.
/// </remarks>
internal sealed class TarHeaderGuard : Stream
{
    private const int BlockSize = 512;
    private const long MaxEntrySize = 1L << 50;

    private readonly Stream _inner;
    private readonly int _maxMetadataBytes;
    private readonly string _where;
    private readonly long _origin;
    private readonly byte[] _header = new byte[BlockSize];
    private int _headerFill;
    private long _position;
    private long _nextHeader;
    private bool _ended;
    private byte _previousMetadata;
    private long? _paxSize;
    private byte[]? _pax;
    private int _paxFill;
    private long _paxStart;

    public TarHeaderGuard(Stream inner, int maxMetadataBytes, string where)
    {
        _inner = inner;
        _maxMetadataBytes = maxMetadataBytes;
        _where = where;
        _origin = inner.CanSeek ? inner.Position : 0;
    }

    /// <summary>Offset of the last header block read, for messages about the entry it starts.</summary>
    public long LastHeaderOffset { get; private set; }

    /// <summary>True once an end-of-archive block went by; what follows is padding (or an eStargz table of contents).</summary>
    public bool ReachedEnd => _ended;

    /// <summary>True between entries: the stream has delivered whole entries and no part of the next header.</summary>
    public bool AtEntryBoundary => !_ended && _headerFill == 0 && _position == _nextHeader && _previousMetadata == 0;

    public override bool CanRead => true;
    public override bool CanSeek => _inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => _inner.Length - _origin;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        if (target != _position)
        {
            // The reader only ever skips entry data forward; anything else would let a header go by unread.
            var skipsHeader = !_ended && (_position >= _nextHeader || target > _nextHeader);
            if (target < _position || skipsHeader || _pax is not null)
                throw new InvalidOperationException($"Tar guard cannot seek from {_position} to {target} (next header at {_nextHeader}).");
            _inner.Seek(_origin + target, SeekOrigin.Begin);
            _position = target;
        }
        return _position;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Observe(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty && !_ended)
        {
            if (_position < _nextHeader)
            {
                var count = (int)Math.Min(data.Length, _nextHeader - _position);
                if (_pax is not null)
                    CollectPax(data[..count]);
                _position += count;
                data = data[count..];
                continue;
            }
            var take = Math.Min(BlockSize - _headerFill, data.Length);
            data[..take].CopyTo(_header.AsSpan(_headerFill));
            _headerFill += take;
            _position += take;
            data = data[take..];
            if (_headerFill == BlockSize)
            {
                _headerFill = 0;
                ReadHeader();
            }
        }
        _position += data.Length;
    }

    private void ReadHeader()
    {
        LastHeaderOffset = _position - BlockSize;
        ReadOnlySpan<byte> block = _header;
        var checksumField = block.Slice(148, 8);
        // TarReader ends the archive at a block whose checksum is empty or zero; so does the guard.
        if (!checksumField.ContainsAnyExcept((byte)0) || (TryParseNumber(checksumField, out var checksum) && checksum == 0))
        {
            _ended = true;
            return;
        }
        if (!TryParseNumber(block.Slice(124, 12), out var size) || size < 0 || size > MaxEntrySize)
            throw Malformed("has an invalid size field");

        var type = block[156];
        var isMetadata = type is (byte)'x' or (byte)'g' or (byte)'L' or (byte)'K';
        if (isMetadata && (_previousMetadata == 'x' || (_previousMetadata is (byte)'L' or (byte)'K' && type is (byte)'x' or (byte)'g')))
            throw Malformed($"is a '{(char)type}' metadata header right after a '{(char)_previousMetadata}' one, a sequence tar readers disagree on");

        var dataLength = size;
        if (isMetadata)
        {
            if (size > _maxMetadataBytes)
            {
                throw new ImageLimitExceededException(_where,
                    $"the {Describe(type)} at offset {LastHeaderOffset} claims {ByteCount.Format(size)}, more than the {ByteCount.Format(_maxMetadataBytes)} allowed (raise MaxTarMetadataBytes to read it)");
            }
            _previousMetadata = type == 'g' ? (byte)0 : type;
            if (type == 'x')
            {
                _paxSize = null;
                if (size > 0)
                {
                    _pax = new byte[size];
                    _paxFill = 0;
                    _paxStart = _position;
                }
            }
        }
        else
        {
            if (type == 'S')
                throw Malformed("is an old-style GNU sparse file, which image layers do not use and this reader does not support");
            if (_paxSize is { } paxSize)
                dataLength = paxSize;
            _paxSize = null;
            _previousMetadata = 0;
        }
        _nextHeader = _position + ((dataLength + BlockSize - 1) & ~(long)(BlockSize - 1));
    }

    private void CollectPax(ReadOnlySpan<byte> chunk)
    {
        var pax = _pax!;
        var offsetInPax = _position - _paxStart;
        if (offsetInPax < pax.Length)
        {
            var count = (int)Math.Min(chunk.Length, pax.Length - offsetInPax);
            chunk[..count].CopyTo(pax.AsSpan((int)offsetInPax));
            _paxFill += count;
        }
        if (_paxFill == pax.Length)
        {
            _paxSize = FindPaxSize(pax);
            _pax = null;
        }
    }

    // Mirrors how TarReader splits "LENGTH KEY=VALUE\n" records: it stops at the first malformed one (and then
    // rejects the header itself), so only the records before that can change the entry's size.
    private long? FindPaxSize(ReadOnlySpan<byte> records)
    {
        long? size = null;
        while (true)
        {
            var newline = records.IndexOf((byte)'\n');
            if (newline < 0)
                return size;
            var line = records[..newline];
            var space = line.IndexOf((byte)' ');
            if (space < 0 || !int.TryParse(records[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length != line.Length + 1)
                return size;
            line = line[(space + 1)..];
            var equals = line.IndexOf((byte)'=');
            if (equals < 0)
                return size;
            if (line[..equals].SequenceEqual("size"u8) && equals + 1 < line.Length)
            {
                if (!long.TryParse(line[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxEntrySize)
                    throw Malformed("has a PAX size record that is not a valid size");
                size = value;
            }
            records = records[(newline + 1)..];
        }
    }

    // Octal digits (NUL- or space-terminated, as tar writes them) or the base-256 form GNU tar uses for large values.
    private static bool TryParseNumber(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if (field[0] == 0x80)
        {
            foreach (var b in field[1..])
            {
                if (value > (long.MaxValue >> 8))
                    return false;
                value = (value << 8) | b;
            }
            return true;
        }
        if (field[0] == 0xff)
            return false;
        var end = field.IndexOf((byte)0);
        var digits = (end < 0 ? field : field[..end]).Trim((byte)' ');
        foreach (var b in digits)
        {
            var digit = b - '0';
            if (digit is < 0 or > 7 || value > (long.MaxValue >> 3))
                return false;
            value = (value << 3) | (uint)digit;
        }
        return true;
    }

    private static string Describe(byte type) => type switch
    {
        (byte)'x' => "PAX extended header",
        (byte)'g' => "PAX global header",
        (byte)'L' => "GNU long name",
        _ => "GNU long link name",
    };

    private LayerFormatException Malformed(string problem) =>
        new(_where, $"the tar header at offset {LastHeaderOffset} {problem}");
}
