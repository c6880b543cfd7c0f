using System.Text;

namespace Stagecraft.Semantics.Expansion;

/// <summary>Character classes and helpers shared by the lexer and the pattern matcher; they follow Go's unicode package.</summary>
internal static class Lexing
{
    public const int EndOfInput = -1;

    public static bool IsSpace(int codePoint) => Rune.IsValid(codePoint) && Syntax.GoText.IsSpaceRune(new Rune(codePoint));

    public static bool IsLetter(int codePoint) => Rune.IsValid(codePoint) && Rune.IsLetter(new Rune(codePoint));

    public static bool IsDigit(int codePoint) => Rune.IsValid(codePoint) && Rune.IsDigit(new Rune(codePoint));

    public static bool IsNameChar(int codePoint) => codePoint == '_' || IsLetter(codePoint) || IsDigit(codePoint);

    /// <summary>Reads the code point at <paramref name="index"/>; a lone surrogate reads as U+FFFD, like invalid UTF-8 in Go.</summary>
    public static int CodePointAt(string text, int index, out int width)
    {
        if (index >= text.Length)
        {
            width = 0;
            return EndOfInput;
        }
        var c = text[index];
        if (!char.IsSurrogate(c))
        {
            width = 1;
            return c;
        }
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }
        width = 1;
        return Rune.ReplacementChar.Value;
    }

    public static void Append(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0x10000)
            builder.Append((char)codePoint);
        else
            builder.Append(char.ConvertFromUtf32(codePoint));
    }

    public static string ToText(int codePoint) => codePoint == EndOfInput ? "\uFFFD" : char.ConvertFromUtf32(codePoint);
}
