namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// TEMPORARY — to be replaced by the full BuildKit .dockerignore matcher being written separately. A minimal reading
/// of a .dockerignore that answers one question: is a top-level entry of the context (<c>.git</c>, <c>node_modules</c>)
/// excluded? Lines are trimmed; comments and blank lines skipped; the last matching pattern wins and <c>!</c> re-includes.
/// Patterns are matched against the top-level name only: <c>.git</c>, <c>/.git</c>, <c>./.git/</c>, <c>**/.git</c>,
/// <c>.git/**</c>, and one-segment globs with <c>*</c> and <c>?</c> (<c>.*</c>, <c>*</c>).
/// </summary>
internal sealed class DockerIgnoreCheck
{
    private readonly List<(string Pattern, bool Negated)> _patterns = [];

    private DockerIgnoreCheck() { }

    public static DockerIgnoreCheck Parse(string text)
    {
        var check = new DockerIgnoreCheck();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var negated = line.StartsWith('!');
            var pattern = (negated ? line[1..] : line).Trim();
            while (pattern.StartsWith("./", StringComparison.Ordinal) || pattern.StartsWith('/'))
                pattern = pattern.StartsWith('/') ? pattern[1..] : pattern[2..];
            pattern = pattern.TrimEnd('/');
            while (pattern.EndsWith("/**", StringComparison.Ordinal))
                pattern = pattern[..^3];
            if (pattern.StartsWith("**/", StringComparison.Ordinal))
                pattern = pattern[3..];
            if (pattern.Length > 0)
                check._patterns.Add((pattern, negated));
        }
        return check;
    }

    /// <summary>True when the top-level entry <paramref name="name"/> is excluded from the context.</summary>
    public bool Excludes(string name)
    {
        var excluded = false;
        foreach (var (pattern, negated) in _patterns)
        {
            if (pattern == "**" || (!pattern.Contains('/') && Glob(pattern, name)))
                excluded = !negated;
        }
        return excluded;
    }

    private static bool Glob(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
