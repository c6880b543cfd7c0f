namespace Stagecraft;

/// <summary>
/// Helpers for the few small patterns matched by hand on the lint path instead of with generated regular expressions:
/// the first generated regex a process uses builds the lookup tables of all of them (a twentieth of a one-file lint).
/// Each matcher keeps its regex's meaning exactly, including that <c>$</c> also matches before one final newline; they
/// compare case-insensitively as the rest of the project does (OrdinalIgnoreCase), so they can differ from the regex only
/// for the few non-ASCII letters .NET's regex equates with ASCII ones (the Kelvin sign).
/// </summary>
internal static class TextPatterns
{
    /// <summary>The text a <c>$</c> anchor can end: all of it, or all but one final newline.</summary>
    public static ReadOnlySpan<char> BeforeEnd(ReadOnlySpan<char> text) => text is [.. var head, '\n'] ? head : text;

    /// <summary>True when a part of <paramref name="name"/> between underscores (or its ends) is one of <paramref name="words"/>:
    /// the regex <c>(?:_|^)(?:w1|w2|…)(?:_|$)</c> with IgnoreCase.</summary>
    public static bool HasUnderscoreWord(string name, string[] words)
    {
        var text = name.AsSpan();
        while (true)
        {
            var end = text.IndexOf('_');
            var part = end < 0 ? text : text[..end];
            foreach (var word in words)
            {
                if (part.Equals(word, StringComparison.OrdinalIgnoreCase) || (end < 0 && BeforeEnd(part).Equals(word, StringComparison.OrdinalIgnoreCase)))
                    return true;
            }
            if (end < 0)
                return false;
            text = text[(end + 1)..];
        }
    }
}
