namespace Stagecraft.Inputs;

/// <summary>
/// A glob over '/'-separated relative paths, as gitignore, <c>stagecraft lint</c> arguments and configuration
/// <c>paths</c> write them: <c>*</c> and <c>?</c> within one folder or file name, <c>[a-z]</c> and <c>[!a-z]</c>
/// classes, <c>**</c> for any number of folders, <c>\</c> to escape. Matching is case-sensitive; <c>*</c> also
/// matches a leading dot (hidden folders are not special).
/// </summary>
public sealed class PathGlob
{
    private const string AnyFolders = "**";
    private readonly string[] _segments;

    public PathGlob(string pattern)
    {
        Pattern = pattern;
        _segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    public string Pattern { get; }

    /// <summary>True when the text holds a glob character, so it is a pattern rather than a plain path.</summary>
    public static bool HasWildcards(string text) => text.AsSpan().IndexOfAny('*', '?', '[') >= 0;

    /// <summary>True when the whole relative path matches. A trailing <c>**</c> matches one or more names.</summary>
    public bool Matches(IReadOnlyList<string> path) => Match(0, path, 0);

    public bool Matches(string relativePath) => Matches(Split(relativePath));

    /// <summary>True when some path inside the folder <paramref name="folder"/> could still match (to prune walks).</summary>
    public bool CouldMatchInside(IReadOnlyList<string> folder)
    {
        for (var i = 0; i < folder.Count; i++)
        {
            if (i == _segments.Length)
                return false;
            if (_segments[i] == AnyFolders)
                return true;
            if (!MatchName(_segments[i], folder[i]))
                return false;
        }
        return folder.Count < _segments.Length;
    }

    /// <summary>Splits a relative path on '/' and the platform's separator.</summary>
    public static string[] Split(string relativePath) =>
        relativePath.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private bool Match(int segment, IReadOnlyList<string> path, int name)
    {
        while (segment < _segments.Length)
        {
            if (_segments[segment] == AnyFolders)
            {
                while (segment + 1 < _segments.Length && _segments[segment + 1] == AnyFolders)
                    segment++;
                if (segment == _segments.Length - 1)
                    return name < path.Count;
                for (var skip = name; skip <= path.Count; skip++)
                {
                    if (Match(segment + 1, path, skip))
                        return true;
                }
                return false;
            }
            if (name >= path.Count || !MatchName(_segments[segment], path[name]))
                return false;
            segment++;
            name++;
        }
        return name == path.Count;
    }

    /// <summary>Matches one file or folder name against one pattern segment (no '/').</summary>
    internal static bool MatchName(string pattern, string name)
    {
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && StepMatches(pattern, ref p, name[n], out var isStar))
            {
                if (isStar)
                {
                    starP = p;
                    starN = n;
                }
                else
                {
                    n++;
                }
                continue;
            }
            if (starP < 0)
                return false;
            // Let the last '*' swallow one more character and retry from just after it.
            p = starP;
            n = ++starN;
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }

    /// <summary>
    /// Tries the pattern element at <paramref name="p"/> against <paramref name="c"/>; on success moves past it. A '*'
    /// always "succeeds" without consuming a character (the caller records it for backtracking).
    /// </summary>
    private static bool StepMatches(string pattern, ref int p, char c, out bool isStar)
    {
        isStar = false;
        switch (pattern[p])
        {
            case '*':
                isStar = true;
                p++;
                return true;
            case '?':
                p++;
                return true;
            case '[' when TryMatchClass(pattern, p, c, out var matched, out var end):
                if (!matched)
                    return false;
                p = end;
                return true;
            case '\\' when p + 1 < pattern.Length:
                if (pattern[p + 1] != c)
                    return false;
                p += 2;
                return true;
            default:
                if (pattern[p] != c)
                    return false;
                p++;
                return true;
        }
    }

    /// <summary>Reads a <c>[…]</c> class at <paramref name="start"/>; false when it is not closed (then '[' is literal).</summary>
    private static bool TryMatchClass(string pattern, int start, char c, out bool matched, out int end)
    {
        matched = false;
        end = start;
        var i = start + 1;
        var negated = i < pattern.Length && pattern[i] is '!' or '^';
        if (negated)
            i++;
        var first = true;
        var found = false;
        while (i < pattern.Length && (first || pattern[i] != ']'))
        {
            first = false;
            var low = pattern[i];
            if (low == '\\' && i + 1 < pattern.Length)
                low = pattern[++i];
            var high = low;
            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                i += 2;
                high = pattern[i];
                if (high == '\\' && i + 1 < pattern.Length)
                    high = pattern[++i];
            }
            if (c >= low && c <= high)
                found = true;
            i++;
        }
        if (i >= pattern.Length)
            return false;
        end = i + 1;
        matched = found != negated;
        return true;
    }
}
