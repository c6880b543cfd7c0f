using System.Numerics;
using System.Text;

namespace Stagecraft.Analysis.Context;

/// <summary>
/// A compiled pattern expression, run as a set-of-states automaton over the path's code points: linear in the
/// path length, no backtracking, and no heap allocation for programs of up to 1,024 steps.
/// </summary>
internal sealed class ExpressionProgram
{
    private const int StackLimit = 1024;

    private readonly ExpressionStep[] _steps;
    private readonly RuneSet[] _sets;
    private readonly bool _usesWordBoundaries;

    // Text every match must start or end with; most paths fail these cheap checks before the automaton runs.
    private readonly string _requiredPrefix;
    private readonly string _requiredSuffix;

    public ExpressionProgram(ExpressionStep[] steps, RuneSet[] sets)
    {
        _steps = steps;
        _sets = sets;
        _usesWordBoundaries = steps.Any(s => s.Operation is ExpressionOperation.WordBoundary or ExpressionOperation.NotWordBoundary);
        _requiredPrefix = RequiredPrefix(steps);
        _requiredSuffix = RequiredSuffix(steps);
    }

    /// <summary>Number of steps, for tests and diagnostics.</summary>
    public int Length => _steps.Length;

    /// <summary>
    /// True when the expression matches somewhere in the path, like Go's <c>MatchString</c>. The translator wraps
    /// every pattern in <c>^...$</c>, but a user's <c>|</c> splits that into alternatives anchored at one end only,
    /// and a user's <c>\Q</c> can swallow the <c>$</c>.
    /// </summary>
    public bool IsMatch(ReadOnlySpan<char> path)
    {
        if (!path.StartsWith(_requiredPrefix, StringComparison.Ordinal) || !path.EndsWith(_requiredSuffix, StringComparison.Ordinal))
            return false;

        var words = (_steps.Length + 63) >> 6;
        var large = _steps.Length > StackLimit;
        Span<ulong> current = large ? new ulong[words] : stackalloc ulong[words];
        Span<ulong> next = large ? new ulong[words] : stackalloc ulong[words];
        Span<int> pending = large ? new int[_steps.Length] : stackalloc int[_steps.Length];
        var match = _steps.Length - 1;

        // Go searches for a match anywhere; an expression that starts with '^' can only match at the start.
        var anchored = _steps[0].Operation == ExpressionOperation.BeginText;
        var position = 0;
        AddReachable(current, pending, 0, At(path, 0, -1));
        while (true)
        {
            if (Has(current, match))
                return true;
            if (position >= path.Length)
                return false;

            Rune.DecodeFromUtf16(path[position..], out var rune, out var width);
            var after = position + width;
            var context = At(path, after, rune.Value);
            next.Clear();
            var alive = false;
            for (var word = 0; word < words; word++)
            {
                var bits = current[word];
                while (bits != 0)
                {
                    var index = (word << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (Accepts(_steps[index], rune.Value))
                    {
                        AddReachable(next, pending, index + 1, context);
                        alive = true;
                    }
                }
            }
            if (anchored && !alive)
                return false;

            var swap = current;
            current = next;
            next = swap;
            position = after;
            if (!anchored)
                AddReachable(current, pending, 0, context);
        }
    }

    // After a leading '^', the straight run of literal steps is what every match starts with.
    private static string RequiredPrefix(ExpressionStep[] steps)
    {
        if (steps[0].Operation != ExpressionOperation.BeginText)
            return "";
        var end = 1;
        while (steps[end].Operation == ExpressionOperation.Rune)
            end++;
        return Literal(steps, 1, end);
    }

    // Before a final '$', the literal steps that every accepting path runs in order: none of them may be a jump
    // target (x? and alternatives jump over text), except the first.
    private static string RequiredSuffix(ExpressionStep[] steps)
    {
        var match = steps.Length - 1;
        var endText = match - 1;
        if (endText < 1 || steps[endText].Operation != ExpressionOperation.EndText)
            return "";
        var lastTarget = -1;
        foreach (var step in steps)
        {
            if (step.Operation is ExpressionOperation.Split or ExpressionOperation.Jump)
                lastTarget = Math.Max(lastTarget, step.Argument);
        }
        if (lastTarget >= endText)
            return "";
        var start = endText;
        while (start > 0 && start > lastTarget && steps[start - 1].Operation == ExpressionOperation.Rune)
            start--;
        return Literal(steps, start, endText);
    }

    // A path's lone surrogate reads as U+FFFD, which a text comparison would not see, and an escaped surrogate
    // code point (\x{D800}) never matches anything; literals with either are not used as a filter.
    private static string Literal(ExpressionStep[] steps, int start, int end)
    {
        var text = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            if (steps[i].Argument is 0xFFFD or (>= 0xD800 and <= 0xDFFF))
                return "";
            text.Append(char.ConvertFromUtf32(steps[i].Argument));
        }
        return text.ToString();
    }

    private Position At(ReadOnlySpan<char> path, int offset, int before)
    {
        var atEnd = offset >= path.Length;
        if (!_usesWordBoundaries)
            return new Position(offset == 0, atEnd, false, false);
        var following = -1;
        if (!atEnd)
        {
            Rune.DecodeFromUtf16(path[offset..], out var rune, out _);
            following = rune.Value;
        }
        return new Position(offset == 0, atEnd, before >= 0 && RuneClasses.IsWordCharacter(before),
            following >= 0 && RuneClasses.IsWordCharacter(following));
    }

    private bool Accepts(ExpressionStep step, int rune) => step.Operation switch
    {
        ExpressionOperation.Rune => rune == step.Argument,
        ExpressionOperation.AnyExcept => rune != step.Argument,
        ExpressionOperation.Set => _sets[step.Argument].Contains(rune),
        _ => false,
    };

    // Adds the step and everything reachable from it without consuming input, given what surrounds this position.
    private void AddReachable(Span<ulong> set, Span<int> pending, int start, Position position)
    {
        if (!TryMark(set, start))
            return;
        var count = 0;
        pending[count++] = start;
        while (count > 0)
        {
            var index = pending[--count];
            var step = _steps[index];
            var follow = -1;
            switch (step.Operation)
            {
                case ExpressionOperation.Jump:
                    follow = step.Argument;
                    break;
                case ExpressionOperation.Split:
                    if (TryMark(set, step.Argument))
                        pending[count++] = step.Argument;
                    follow = index + 1;
                    break;
                case ExpressionOperation.BeginText when position.AtStart:
                case ExpressionOperation.EndText when position.AtEnd:
                case ExpressionOperation.WordBoundary when position.WordBefore != position.WordAfter:
                case ExpressionOperation.NotWordBoundary when position.WordBefore == position.WordAfter:
                    follow = index + 1;
                    break;
            }
            if (follow >= 0 && TryMark(set, follow))
                pending[count++] = follow;
        }
    }

    private static bool TryMark(Span<ulong> set, int index)
    {
        ref var word = ref set[index >> 6];
        var bit = 1UL << (index & 63);
        if ((word & bit) != 0)
            return false;
        word |= bit;
        return true;
    }

    private static bool Has(ReadOnlySpan<ulong> set, int index) => (set[index >> 6] & (1UL << (index & 63))) != 0;

    private readonly record struct Position(bool AtStart, bool AtEnd, bool WordBefore, bool WordAfter);
}
