using System.Text;

namespace Stagecraft.Analysis.Context;

/// <summary>
/// Turns a cleaned pattern into the Go regular expression text moby/patternmatcher builds from it. BuildKit
/// matches with that expression, so its quirks are part of the observable behaviour: only <c>.+()$</c> are
/// escaped (<c>|</c> and <c>{n}</c> act as alternation and repetition), a <c>\</c> escape is copied through for the
/// regex engine to read, and wildcards inside a <c>[...]</c> class are expanded there too. <see cref="ExpressionParser"/> then reads the text as Go would.
/// </summary>
internal static class PatternTranslator
{
    // moby means to escape ".+()|{}$", but its lookup table is a 64-bit bitmap indexed by character code, so the
    // three characters above 63 ('|', '{', '}') are never escaped and keep their regex meaning.
    private const string EscapedCharacters = ".+()$";

    /// <summary>The pattern's kind, and the expression text when the kind is <see cref="PatternKind.Expression"/>.</summary>
    public static PatternKind Translate(string pattern, out string? expression)
    {
        var runes = ToRunes(pattern);
        var text = new StringBuilder(pattern.Length * 2).Append('^');
        var kind = PatternKind.Exact;
        var position = 0;

        for (var index = 0; position < runes.Length; index++)
        {
            var rune = runes[position++];
            if (rune == '*')
            {
                if (position < runes.Length && runes[position] == '*')
                {
                    position++;
                    // "**/" means the same as "**".
                    if (position < runes.Length && runes[position] == '/')
                        position++;

                    if (position == runes.Length)
                    {
                        if (kind == PatternKind.Exact)
                        {
                            kind = PatternKind.Prefix;
                        }
                        else
                        {
                            text.Append(".*");
                            kind = PatternKind.Expression;
                        }
                    }
                    else
                    {
                        text.Append("(.*/)?");
                        kind = PatternKind.Expression;
                    }

                    if (index == 0)
                        kind = PatternKind.Suffix;
                }
                else
                {
                    text.Append("[^/]*");
                    kind = PatternKind.Expression;
                }
            }
            else if (rune == '?')
            {
                text.Append("[^/]");
                kind = PatternKind.Expression;
            }
            else if (rune < 0x80 && EscapedCharacters.Contains((char)rune))
            {
                text.Append('\\').Append((char)rune);
            }
            else if (rune == '\\')
            {
                if (position < runes.Length)
                {
                    text.Append('\\');
                    Append(text, runes[position++]);
                    kind = PatternKind.Expression;
                }
                else
                {
                    text.Append('\\');
                }
            }
            else if (rune is '[' or ']')
            {
                text.Append((char)rune);
                kind = PatternKind.Expression;
            }
            else
            {
                Append(text, rune);
            }
        }

        if (kind != PatternKind.Expression)
        {
            expression = null;
            return kind;
        }
        expression = text.Append('$').ToString();
        return kind;
    }

    // Go reads the pattern with text/scanner, which steps over a byte order mark at the very start.
    private static int[] ToRunes(string pattern)
    {
        var runes = new List<int>(pattern.Length);
        foreach (var rune in pattern.EnumerateRunes())
            runes.Add(rune.Value);
        if (runes.Count > 0 && runes[0] == 0xFEFF)
            runes.RemoveAt(0);
        return [.. runes];
    }

    private static void Append(StringBuilder text, int rune)
    {
        if (rune < 0x10000)
            text.Append((char)rune);
        else
            text.Append(char.ConvertFromUtf32(rune));
    }
}
