using System.Runtime.CompilerServices;
using System.Text;

namespace Stagecraft.Semantics.Expansion;

/// <summary>
/// The glob used by <c>${v#p}</c>, <c>${v%p}</c> and <c>${v/p/r}</c>: <c>*</c> any run, <c>?</c> one character,
/// <c>\x</c> a literal. BuildKit compiles it to a Go regular expression, so we keep that engine's observable rules:
/// wildcards never match a newline, and among matches at one position the first in backtracking order wins.
/// </summary>
internal sealed class ShellPattern
{
    private const int AnyOne = -1;
    private const int AnyRun = -2;
    private const int Unknown = 0;
    private const int Failed = 1;

    // Literal code points, or AnyOne / AnyRun.
    private readonly int[] _tokens;
    private readonly int _runCount;

    // Suffix patterns are stored reversed and matched against the reversed value.
    private readonly bool _forSuffix;

    private ShellPattern(int[] tokens, bool forSuffix)
    {
        _tokens = tokens;
        _forSuffix = forSuffix;
        _runCount = tokens.Count(t => t == AnyRun);
    }

    /// <summary>Parses a pattern; <paramref name="forSuffix"/> prepares it for <c>${v%p}</c> trimming.</summary>
    public static bool TryParse(string pattern, bool forSuffix, out ShellPattern parsed, out string? error)
    {
        // A leftmost engine cannot find the shortest rightmost match, so BuildKit reverses the pattern text
        // (keeping each backslash before the character it escapes) and trims a prefix of the reversed value.
        // Reversing the text, not the parsed pattern, matters: a trailing lone backslash ends up escaping
        // what was the character before it.
        var codePoints = forSuffix ? ReverseKeepingEscapes(new RuneText(pattern).CodePoints) : new RuneText(pattern).CodePoints;
        var tokens = new List<int>(codePoints.Length);
        for (var i = 0; i < codePoints.Length; i++)
        {
            var c = codePoints[i];
            switch (c)
            {
                case '*':
                    // A run next to a run matches the same text in the same preference order, and merging
                    // them keeps the search small.
                    if (tokens.Count == 0 || tokens[^1] != AnyRun)
                        tokens.Add(AnyRun);
                    break;
                case '?':
                    tokens.Add(AnyOne);
                    break;
                case '\\':
                    var next = i + 1 < codePoints.Length ? codePoints[i + 1] : Lexing.EndOfInput;
                    // Inside ${…} a '}' or '/' had to be escaped to get this far; the backslash is not part of the glob.
                    if (next is '}' or '/')
                        break;
                    if (next is not ('*' or '?' or '\\'))
                    {
                        parsed = new ShellPattern([], forSuffix);
                        error = $"invalid escape '\\{Lexing.ToText(next)}'";
                        return false;
                    }
                    i++;
                    tokens.Add(next);
                    break;
                default:
                    tokens.Add(c);
                    break;
            }
        }
        parsed = new ShellPattern([.. tokens], forSuffix);
        error = null;
        return true;
    }

    /// <summary>Removes the shortest (or longest) prefix, or suffix for a suffix pattern, that the pattern matches.</summary>
    public string Trim(string value, bool longest)
    {
        var text = new RuneText(value);
        if (!_forSuffix)
        {
            var end = new Search(this, text.CodePoints, longest).MatchFrom(0);
            return end < 0 ? value : text.Slice(end, text.Length);
        }
        var reversedEnd = new Search(this, Reversed(text.CodePoints), longest).MatchFrom(0);
        return reversedEnd < 0 ? value : text.Slice(0, text.Length - reversedEnd);
    }

    private static int[] ReverseKeepingEscapes(int[] pattern)
    {
        var reversed = new int[pattern.Length];
        var last = pattern.Length - 1;
        for (var i = 0; i <= last;)
        {
            if (pattern[i] == '\\' && i != last)
            {
                reversed[last - i - 1] = '\\';
                reversed[last - i] = pattern[i + 1];
                i += 2;
            }
            else
            {
                reversed[last - i] = pattern[i];
                i++;
            }
        }
        return reversed;
    }

    private static int[] Reversed(int[] items)
    {
        var copy = (int[])items.Clone();
        Array.Reverse(copy);
        return copy;
    }

    /// <summary>Replaces the leftmost match, preferring the longest, with <paramref name="replacement"/> taken literally.</summary>
    public string ReplaceFirst(string value, string replacement)
    {
        var text = new RuneText(value);
        var search = new Search(this, text.CodePoints, longest: true);
        if (!search.TryFindFrom(0, out var start, out var end))
            return value;
        return string.Concat(text.Slice(0, start), replacement, text.Slice(end, text.Length));
    }

    /// <summary>
    /// Replaces every match, stepping like Go's <c>ReplaceAllString</c> (an empty match right after a match is skipped),
    /// and expands <c>$0</c>-style references in <paramref name="replacement"/> as that function does.
    /// </summary>
    public string ReplaceAll(string value, string replacement)
    {
        var text = new RuneText(value);
        var search = new Search(this, text.CodePoints, longest: true);
        var result = new StringBuilder(value.Length);
        var lastEnd = 0;
        var from = 0;
        while (from <= text.Length && search.TryFindFrom(from, out var start, out var end))
        {
            result.Append(text.Slice(lastEnd, start));
            if (end > lastEnd || start == 0)
                RegexReplacement.AppendExpanded(result, replacement, text.Slice(start, end));
            lastEnd = end;
            // Always move forward by at least one character so empty matches cannot repeat.
            from = end > from ? end : from + 1;
        }
        result.Append(text.Slice(lastEnd, text.Length));
        return result.ToString();
    }

    /// <summary>One matching run over one text; remembers results per (run, position) so many <c>*</c> stay polynomial.</summary>
    private sealed class Search(ShellPattern pattern, int[] text, bool longest)
    {
        private readonly int[] _tokens = pattern._tokens;
        private int[]? _memo;

        public bool TryFindFrom(int from, out int start, out int end)
        {
            for (start = from; start <= text.Length; start++)
            {
                end = MatchFrom(start);
                if (end >= 0)
                    return true;
            }
            start = end = -1;
            return false;
        }

        /// <summary>The end of the preferred match anchored at <paramref name="position"/>, or -1.</summary>
        public int MatchFrom(int position) => Match(0, 0, position);

        private int Match(int tokenIndex, int runIndex, int position)
        {
            while (tokenIndex < _tokens.Length && _tokens[tokenIndex] != AnyRun)
            {
                if (position >= text.Length)
                    return -1;
                var token = _tokens[tokenIndex];
                var c = text[position];
                if (token == AnyOne ? c == '\n' : c != token)
                    return -1;
                tokenIndex++;
                position++;
            }
            if (tokenIndex == _tokens.Length)
                return position;

            _memo ??= new int[pattern._runCount * (text.Length + 1)];
            var slot = runIndex * (text.Length + 1) + position;
            if (_memo[slot] != Unknown)
                return _memo[slot] - 2;
            // Only a pattern with thousands of '*' gets this deep; treating it as no match beats crashing the linter.
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
                return -1;

            var limit = position;
            while (limit < text.Length && text[limit] != '\n')
                limit++;

            var found = -1;
            if (longest)
            {
                for (var runEnd = limit; runEnd >= position && found < 0; runEnd--)
                    found = Match(tokenIndex + 1, runIndex + 1, runEnd);
            }
            else
            {
                for (var runEnd = position; runEnd <= limit && found < 0; runEnd++)
                    found = Match(tokenIndex + 1, runIndex + 1, runEnd);
            }
            _memo[slot] = found < 0 ? Failed : found + 2;
            return found;
        }
    }
}
