using System.Text;

namespace Stagecraft.Syntax;

/// <summary>The raw bytes of a Dockerfile plus the line index that turns byte offsets into lines and columns.</summary>
public sealed class SourceText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly byte[] _bytes;
    private readonly int[] _lineStarts;

    public SourceText(byte[] bytes, string? path = null)
    {
        _bytes = bytes;
        Path = path;
        ByteOrderMarkLength = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        _lineStarts = ComputeLineStarts(bytes, ByteOrderMarkLength);
    }

    public static SourceText From(string text, string? path = null) => new(Utf8.GetBytes(text), path);

    /// <summary>The file the bytes came from, when known; used only in messages.</summary>
    public string? Path { get; }

    public ReadOnlySpan<byte> Bytes => _bytes;

    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>The bytes without a copy, for the parser, which never writes to them.</summary>
    internal byte[] RawBytes => _bytes;

    public int Length => _bytes.Length;

    /// <summary>3 when the file starts with a UTF-8 byte-order mark. The mark is not counted as a column.</summary>
    public int ByteOrderMarkLength { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>Byte offset where a 1-based line starts (after the byte-order mark on line 1).</summary>
    public int LineStart(int line) => _lineStarts[line - 1];

    public SourcePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _bytes.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
            index = ~index - 1;
        if (index < 0)
            index = 0; // offsets inside the byte-order mark sit at column 1
        var lineStart = _lineStarts[index];
        var column = offset <= lineStart ? 1 : CountCodePoints(_bytes.AsSpan(lineStart, offset - lineStart)) + 1;
        return new SourcePosition(index + 1, column, offset);
    }

    public SourceRange GetRange(TextSpan span) => new(GetPosition(span.Start), GetPosition(span.End));

    public string GetText(TextSpan span) => Utf8.GetString(_bytes, span.Start, span.Length);

    public ReadOnlySpan<byte> GetBytes(TextSpan span) => _bytes.AsSpan(span.Start, span.Length);

    public override string ToString() => Utf8.GetString(_bytes);

    internal static string Decode(ReadOnlySpan<byte> bytes) => Utf8.GetString(bytes);

    internal static byte[] Encode(string text) => Utf8.GetBytes(text);

    /// <summary>Counts code points the way editors do; each byte of an invalid sequence counts as one.</summary>
    internal static int CountCodePoints(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        while (!bytes.IsEmpty)
        {
            var ascii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
                return count + bytes.Length;
            count += ascii;
            bytes = bytes[ascii..];
            Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            count++;
            bytes = bytes[Math.Max(consumed, 1)..];
        }
        return count;
    }

    private static int[] ComputeLineStarts(byte[] bytes, int bomLength)
    {
        var starts = new List<int>(bytes.AsSpan().Count((byte)'\n') + 1) { bomLength };
        var span = bytes.AsSpan();
        var position = 0;
        while (true)
        {
            var next = span[position..].IndexOf((byte)'\n');
            if (next < 0)
                break;
            position += next + 1;
            starts.Add(position);
        }
        return starts.ToArray();
    }
}
