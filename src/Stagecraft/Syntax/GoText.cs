using System.Text;

namespace Stagecraft.Syntax;

/// <summary>Character classes and trimming exactly as BuildKit's Go parser applies them, so that we split where it splits.</summary>
internal static class GoText
{
    /// <summary>Go's unicode.IsSpace applied to one byte read as a rune (BuildKit does this in flag and HEALTHCHECK parsing).</summary>
    public static bool IsSpaceByte(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r' or 0x85 or 0xA0;

    /// <summary>BuildKit's <c>[\t\v\f\r ]</c> separator class.</summary>
    public static bool IsSeparator(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    public static bool IsSpaceRune(Rune r) => r.Value switch
    {
        ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or 0x85 or 0xA0 => true,
        < 0x100 => false,
        _ => Rune.IsWhiteSpace(r),
    };

    /// <summary>Decodes one rune like Go's utf8.DecodeRune: an invalid byte is U+FFFD of width 1.</summary>
    public static Rune DecodeRune(ReadOnlySpan<byte> bytes, out int width)
    {
        var b = bytes[0];
        if (b < 0x80)
        {
            width = 1;
            return new Rune(b);
        }
        var status = Rune.DecodeFromUtf8(bytes, out var rune, out width);
        if (status != System.Buffers.OperationStatus.Done)
        {
            width = 1;
            return Rune.ReplacementChar;
        }
        return rune;
    }

    /// <summary>Index of the first byte in [start, end) that is not Unicode white space.</summary>
    public static int SkipSpace(ReadOnlySpan<byte> text, int start, int end)
    {
        var pos = start;
        while (pos < end)
        {
            var r = DecodeRune(text[pos..end], out var width);
            if (!IsSpaceRune(r))
                break;
            pos += width;
        }
        return pos;
    }

    /// <summary>End of [start, end) after removing trailing Unicode white space.</summary>
    public static int TrimEnd(ReadOnlySpan<byte> text, int start, int end)
    {
        while (end > start)
        {
            // Walk back to the first byte of the last rune.
            var runeStart = end - 1;
            while (runeStart > start && (text[runeStart] & 0xC0) == 0x80 && end - runeStart < 4)
                runeStart--;
            var r = DecodeRune(text[runeStart..end], out var width);
            if (runeStart + width != end)
            {
                runeStart = end - 1;
                r = DecodeRune(text[runeStart..end], out _);
            }
            if (!IsSpaceRune(r))
                break;
            end = runeStart;
        }
        return end;
    }

    /// <summary>Go's strconv.Quote: the quoting BuildKit's AST dump uses.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7F)
                        builder.Append("\\x").Append(rune.Value.ToString("x2"));
                    else if (IsPrintable(rune))
                        builder.Append(rune.ToString());
                    else if (rune.Value < 0x10000)
                        builder.Append("\\u").Append(rune.Value.ToString("x4"));
                    else
                        builder.Append("\\U").Append(rune.Value.ToString("x8"));
                    break;
            }
        }
        builder.Append('"');
        return builder.ToString();
    }

    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value < 0x80)
            return rune.Value >= 0x20 && rune.Value != 0x7F;
        if (rune.Value == 0xFFFD)
            return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse
                or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.LineSeparator
                or System.Globalization.UnicodeCategory.ParagraphSeparator => false,
            System.Globalization.UnicodeCategory.SpaceSeparator => rune.Value == ' ',
            _ => true,
        };
    }
}
