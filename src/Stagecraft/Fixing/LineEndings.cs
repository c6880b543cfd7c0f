using Stagecraft.Syntax;

namespace Stagecraft.Fixing;

/// <summary>Gives inserted text the line ending of the line it lands in, so a CRLF file stays CRLF.</summary>
internal static class LineEndings
{
    public static string Adapt(string text, SourceText source, int offset)
    {
        if (!text.Contains('\n'))
            return text;
        var lf = text.Replace("\r\n", "\n");
        return UsesCrLf(source.Bytes, offset) ? lf.Replace("\n", "\r\n") : lf;
    }

    /// <summary>The ending of the line holding <paramref name="offset"/>, or of the line before when that one has none (the last line).</summary>
    internal static bool UsesCrLf(ReadOnlySpan<byte> bytes, int offset)
    {
        offset = Math.Clamp(offset, 0, bytes.Length);
        var next = bytes[offset..].IndexOf((byte)'\n');
        if (next >= 0)
            return offset + next > 0 && bytes[offset + next - 1] == '\r';
        var previous = bytes[..offset].LastIndexOf((byte)'\n');
        return previous > 0 && bytes[previous - 1] == '\r';
    }

    /// <summary>The text's own line ending, judged by its first line break (<c>\n</c> when it has none).</summary>
    public static string Of(string text)
    {
        var index = text.IndexOf('\n');
        return index > 0 && text[index - 1] == '\r' ? "\r\n" : "\n";
    }
}
