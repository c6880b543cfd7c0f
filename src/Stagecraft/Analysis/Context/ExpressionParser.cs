using System.Diagnostics;
using System.Text;

namespace Stagecraft.Analysis.Context;

/// <summary>
/// Reads the Go regular expression text that <see cref="PatternTranslator"/> produces, with the meaning Go's
/// regexp/syntax (Perl flags) gives it, and compiles it to an <see cref="ExpressionProgram"/>. Users reach more of
/// the syntax than one would expect: <c>|</c> and <c>{n,m}</c> pass through unescaped, an escaped letter keeps its
/// regex meaning (<c>\d</c>, <c>\b</c>, <c>\x41</c>, <c>\Q...\E</c>, <c>\pL</c>), and <c>[[:digit:]]</c> is a POSIX class.
/// Only <c>(?flags)</c> groups stay unsupported: the translator escapes every user <c>(</c>.
/// </summary>
internal sealed partial class ExpressionParser
{
    // Go refuses expressions whose compiled form would exceed 128 MiB of 40-byte instructions; we apply the same
    // count to our steps, which only matters for absurd repetition counts.
    private const int MaxSteps = (128 << 20) / 40;
    private const int MaxRepeat = 1000;

    private readonly string _text;
    private readonly List<RuneSet> _sets = [];
    private int _position;
    private string? _error;
    private bool _unsupported;

    private ExpressionParser(string text) => _text = text;

    /// <summary>
    /// The compiled program, or null with the reason Go's compiler would reject the text; <paramref name="unsupported"/>
    /// is true instead when Go might accept it but we cannot evaluate it (a Unicode script class).
    /// </summary>
    public static ExpressionProgram? Compile(string expression, out string? error, out bool unsupported)
    {
        var parser = new ExpressionParser(expression);
        unsupported = false;
        var steps = parser.ParseAlternation(nested: false);
        if (steps is not null && steps.Count >= MaxSteps)
            steps = parser.Fail("expression too large", "");
        if (steps is null)
        {
            error = parser._error;
            unsupported = parser._unsupported;
            return null;
        }
        steps.Add(new ExpressionStep(ExpressionOperation.Match));
        error = null;
        return new ExpressionProgram(ToAbsolute(steps), [.. parser._sets]);
    }

    // Fragments use jump targets relative to the jumping step, so they can be concatenated and wrapped freely.
    private List<ExpressionStep>? ParseAlternation(bool nested)
    {
        var alternatives = new List<List<ExpressionStep>>();
        while (true)
        {
            var sequence = ParseSequence();
            if (sequence is null)
                return null;
            alternatives.Add(sequence);
            if (_position < _text.Length && _text[_position] == '|')
            {
                _position++;
                continue;
            }
            break;
        }

        if (_position < _text.Length)
        {
            // ParseSequence only stops early at ')'.
            if (!nested)
                return Fail("unexpected )", _text);
        }
        else if (nested)
        {
            return Fail("missing closing )", _text);
        }
        return Alternate(alternatives);
    }

    // Items up to the next '|', ')' or the end.
    private List<ExpressionStep>? ParseSequence()
    {
        var items = new List<List<ExpressionStep>>();
        var lastRepeatStart = -1;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is '|' or ')')
                break;
            var repeatStart = -1;
            switch (c)
            {
                case '(':
                    if (_position + 1 < _text.Length && _text[_position + 1] == '?')
                        throw new UnreachableException("patterns never produce (?...) groups: " + _text);
                    _position++;
                    var group = ParseAlternation(nested: true);
                    if (group is null)
                        return null;
                    _position++;
                    items.Add(group);
                    break;
                case '*' or '?' or '+':
                    repeatStart = _position;
                    if (!ApplyRepeat(items, lastRepeatStart, _position + 1, c == '+' ? 1 : 0, c == '?' ? 1 : -1))
                        return null;
                    break;
                case '{':
                    var counted = TryReadCount(out var min, out var max, out var end);
                    if (!counted)
                    {
                        // Not of the form {n}, {n,} or {n,m}: Go reads the brace as a literal.
                        _position++;
                        items.Add([new(ExpressionOperation.Rune, '{')]);
                        break;
                    }
                    if (min < 0 || min > MaxRepeat || max > MaxRepeat || (max >= 0 && min > max))
                        return Fail("invalid repeat count", _text[_position..end]);
                    repeatStart = _position;
                    if (!ApplyRepeat(items, lastRepeatStart, end, min, max))
                        return null;
                    break;
                case '^':
                    _position++;
                    items.Add([new(ExpressionOperation.BeginText)]);
                    break;
                case '$':
                    _position++;
                    items.Add([new(ExpressionOperation.EndText)]);
                    break;
                case '.':
                    _position++;
                    items.Add([new(ExpressionOperation.AnyExcept, '\n')]);
                    break;
                case '[':
                    var set = ParseClass();
                    if (set is null)
                        return null;
                    items.Add([StepFor(set)]);
                    break;
                case '\\':
                    if (!ParseEscape(items))
                        return null;
                    break;
                default:
                    items.Add([new(ExpressionOperation.Rune, ReadRune())]);
                    break;
            }
            lastRepeatStart = repeatStart;
        }
        return Concatenate(items);
    }

    private static List<ExpressionStep> Alternate(List<List<ExpressionStep>> alternatives)
    {
        if (alternatives.Count == 1)
            return alternatives[0];
        // Split to each alternative in turn; every alternative but the last jumps past the rest.
        var result = new List<ExpressionStep>();
        var exits = new List<int>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            if (i == alternatives.Count - 1)
            {
                result.AddRange(alternative);
                break;
            }
            result.Add(new(ExpressionOperation.Split, alternative.Count + 2));
            result.AddRange(alternative);
            exits.Add(result.Count);
            result.Add(new(ExpressionOperation.Jump));
        }
        foreach (var exit in exits)
            result[exit] = new(ExpressionOperation.Jump, result.Count - exit);
        return result;
    }

    private static List<ExpressionStep> Concatenate(List<List<ExpressionStep>> items)
    {
        var result = new List<ExpressionStep>();
        foreach (var item in items)
            result.AddRange(item);
        return result;
    }

    private static ExpressionStep[] ToAbsolute(List<ExpressionStep> steps)
    {
        var result = new ExpressionStep[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            result[i] = step.Operation is ExpressionOperation.Split or ExpressionOperation.Jump ? step with { Argument = i + step.Argument } : step;
        }
        return result;
    }

    private ExpressionStep StepFor(RuneSet set)
    {
        if (set.IsSingle(out var rune, out var negated))
            return new(negated ? ExpressionOperation.AnyExcept : ExpressionOperation.Rune, rune);
        _sets.Add(set);
        return new(ExpressionOperation.Set, _sets.Count - 1);
    }

    private int ReadRune()
    {
        Rune.DecodeFromUtf16(_text.AsSpan(_position), out var rune, out var length);
        _position += length;
        return rune.Value;
    }

    private void SetError(string problem, string fragment) =>
        _error ??= fragment.Length == 0 ? problem : $"{problem}: `{fragment}`";

    private List<ExpressionStep>? Fail(string problem, string fragment)
    {
        SetError(problem, fragment);
        return null;
    }

    private RuneSet? FailSet(string problem, string fragment)
    {
        SetError(problem, fragment);
        return null;
    }

    private int FailRune(string problem, string fragment)
    {
        SetError(problem, fragment);
        return -1;
    }
}
