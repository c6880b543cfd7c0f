namespace Stagecraft.Analysis.Context;

/// <summary>
/// The syntax check moby/patternmatcher runs when a matcher is built: the pattern must be valid for Go's
/// <c>filepath.Match</c> (Unix rules, where <c>\</c> escapes). Only the errors matter; matching itself is done
/// differently (see <see cref="PatternTranslator"/>).
/// </summary>
internal static class PatternSyntax
{
    /// <summary>Why the pattern is rejected, in words for the user, or null when it is well formed.</summary>
    public static string? FindProblem(string pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            switch (pattern[i])
            {
                case '\\':
                    if (i + 1 >= pattern.Length)
                        return "it ends with `\\`, which escapes nothing";
                    i += 1 + RuneLength(pattern, i + 1);
                    break;
                case '[':
                    var problem = SkipClass(pattern, ref i);
                    if (problem is not null)
                        return problem;
                    break;
                default:
                    // '*', '?', ']' and every other character are always acceptable outside a class.
                    i += RuneLength(pattern, i);
                    break;
            }
        }
        return null;
    }

    // Reads "[...]" starting at the '['; a class needs at least one item, and '-' or ']' must be escaped
    // wherever they would be read as an item.
    private static string? SkipClass(string pattern, ref int i)
    {
        i++;
        if (i < pattern.Length && pattern[i] == '^')
            i++;
        var items = 0;
        while (true)
        {
            if (i < pattern.Length && pattern[i] == ']' && items > 0)
            {
                i++;
                return null;
            }
            var problem = SkipClassCharacter(pattern, ref i);
            if (problem is not null)
                return problem;
            if (pattern[i] == '-')
            {
                i++;
                problem = SkipClassCharacter(pattern, ref i);
                if (problem is not null)
                    return problem;
            }
            items++;
        }
    }

    // One class character (possibly escaped); something must follow it, since the class still needs its ']'.
    private static string? SkipClassCharacter(string pattern, ref int i)
    {
        if (i >= pattern.Length)
            return "a `[` character class is not closed with `]`";
        switch (pattern[i])
        {
            case '-':
                return "a `-` in a character class must be escaped (`\\-`) unless it joins two characters of a range";
            case ']':
                return "a character class cannot be empty (write `\\]` for a literal `]`)";
            case '\\':
                i++;
                if (i >= pattern.Length)
                    return "it ends with `\\`, which escapes nothing";
                break;
        }
        i += RuneLength(pattern, i);
        return i >= pattern.Length ? "a `[` character class is not closed with `]`" : null;
    }

    private static int RuneLength(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
}
