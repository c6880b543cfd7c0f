namespace Stagecraft;

/// <summary>
/// Helpers for the few small patterns matched by hand on the lint path instead of with generated regular expressions:
/// the first generated regex a process uses builds the lookup tables of all of them (a twentieth of a one-file lint).
/// Each matcher keeps its regex's meaning exactly, including that <c>$</c> also matches before one final newline; they
/// differ only for non-ASCII letters that .NET's case-insensitive matching equates with ASCII ones (the Kelvin sign).
/// </summary>
internal static class TextPatterns
{
    /// <summary>The text a <c>$</c> anchor can end: all of it, or all but one final newline.</summary>
    public static ReadOnlySpan<char> BeforeEnd(ReadOnlySpan<char> text) => text is [.. var head, '\n'] ? head : text;

    /// <summary>ASCII case-insensitive equality with <paramref name="lowerWord"/>, which is lower-case ASCII.</summary>
    public static bool EqualsAsciiIgnoreCase(ReadOnlySpan<char> text, string lowerWord)
    {
        if (text.Length != lowerWord.Length)
            return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) != lowerWord[i])
                return false;
        }
        return true;
    }

    /// <summary>True when a part of <paramref name="name"/> between underscores (or its ends) is one of <paramref name="lowerWords"/>:
    /// the regex <c>(?:_|^)(?:w1|w2|…)(?:_|$)</c> with IgnoreCase.</summary>
    public static bool HasUnderscoreWord(string name, string[] lowerWords)
    {
        var text = name.AsSpan();
        while (true)
        {
            var end = text.IndexOf('_');
            var part = end < 0 ? text : text[..end];
            foreach (var word in lowerWords)
            {
                if (EqualsAsciiIgnoreCase(part, word) || (end < 0 && EqualsAsciiIgnoreCase(BeforeEnd(part), word)))
                    return true;
            }
            if (end < 0)
                return false;
            text = text[(end + 1)..];
        }
    }
}
